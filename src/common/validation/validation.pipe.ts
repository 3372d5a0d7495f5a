import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadInputError } from '../errors/app-error';

function collect(errors: ValidationError[], into: Record<string, string>): void {
  for (const error of errors) {
    if (error.constraints) into[error.property] = Object.values(error.constraints)[0];
    if (error.children?.length) collect(error.children, into);
  }
}

/** class-validator on every argument and input; failures become BAD_USER_INPUT naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems: Record<string, string> = {};
      collect(errors, problems);
      return new BadInputError(problems);
    },
  });
}
