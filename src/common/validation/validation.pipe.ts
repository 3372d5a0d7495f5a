import { ValidationPipe } from '@nestjs/common';
import { toBadInput } from './validate-payload';

/** class-validator on every argument and input; failures become BAD_USER_INPUT naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: toBadInput,
  });
}
