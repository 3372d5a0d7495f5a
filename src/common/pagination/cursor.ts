import { BadInputError } from '../errors/app-error';

/**
 * Opaque cursors: the sort key of the last row, as base64url JSON. Clients must not build them;
 * we only promise that a cursor we issued finds its place again, whatever was inserted meanwhile.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): string[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadInputError({ [field]: 'is not a valid cursor' });
  }
  if (!Array.isArray(value) || value.length !== arity || !value.every((part) => typeof part === 'string')) {
    throw new BadInputError({ [field]: 'is not a valid cursor' });
  }
  return value as string[];
}
