import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { BadInputError } from '../errors/app-error';

/** class-validator errors → one BAD_USER_INPUT naming each bad field (nested inputs included). */
export function toBadInput(errors: ValidationError[]): BadInputError {
  const problems: Record<string, string> = {};
  const collect = (list: ValidationError[]) => {
    for (const error of list) {
      if (error.constraints) problems[error.property] = Object.values(error.constraints)[0];
      if (error.children?.length) collect(error.children);
    }
  };
  collect(errors);
  return new BadInputError(problems);
}

/** The same validation as GraphQL input, for socket payloads. */
export async function validatePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new BadInputError({ payload: 'must be an object' });
  }
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length) throw toBadInput(errors);
  return instance;
}
