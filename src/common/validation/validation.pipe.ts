import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { assertNoNulCharacters, toBadInput } from './validate-payload';

/** class-validator on every argument and input; failures become BAD_USER_INPUT naming each field. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertNoNulCharacters(value, metadata.data ?? 'input');
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: toBadInput,
  });
}
