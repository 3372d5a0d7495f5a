import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { assertNoNulCharacters, toBadInput } from './validate-payload';

// Nest gives a global pipe every parameter of every resolver call: GraphQL arguments, but also the
// parent object and the context of each field resolver. Only arguments come from the client.
const GRAPHQL_ARGS = 3; // GqlParamtype.ARGS
const CLIENT_INPUT = new Set<unknown>([GRAPHQL_ARGS, 'body', 'query', 'param']);

/** class-validator on every argument and input; failures become BAD_USER_INPUT naming each field. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!CLIENT_INPUT.has(metadata.type)) return value;
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
