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
  // Plain JSON objects only: no arrays, buffers or class instances, nothing nested under a field.
  if (typeof payload !== 'object' || payload === null || Object.getPrototypeOf(payload) !== Object.prototype) {
    throw new BadInputError({ payload: 'must be an object' });
  }
  for (const [field, value] of Object.entries(payload)) {
    if (value !== null && typeof value === 'object') throw new BadInputError({ [field]: 'must be a plain value' });
  }
  assertNoNulCharacters(payload);
  let instance: T;
  try {
    instance = plainToInstance(type, payload);
  } catch {
    throw new BadInputError({ payload: 'is malformed' });
  }
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length) throw toBadInput(errors);
  return instance;
}

/** PostgreSQL text cannot hold U+0000: refuse it as bad input rather than fail on insert. */
export function assertNoNulCharacters(value: unknown, field = 'input', depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new BadInputError({ [field]: 'must not contain the NUL character' });
  } else if (Array.isArray(value)) {
    for (const item of value) assertNoNulCharacters(item, field, depth + 1);
  } else if (value && typeof value === 'object' && isPlainData(value)) {
    for (const [key, item] of Object.entries(value)) assertNoNulCharacters(item, key, depth + 1);
  }
}

/** Input objects only (never a request, a socket or a context): plain or argument classes built from JSON. */
function isPlainData(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === Object.prototype;
}
