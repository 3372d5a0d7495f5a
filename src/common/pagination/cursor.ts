import { BadInputError } from '../errors/app-error';

/**
 * Opaque cursors: the sort key of the last row, as base64url JSON. Clients must not build them;
 * we only promise that a cursor we issued finds its place again, whatever was inserted meanwhile.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export type CursorPartType = 'text' | 'timestamptz' | 'uuid' | 'bigint' | 'int';

const VALID_PART: Record<CursorPartType, (value: string) => boolean> = {
  text: () => true,
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  timestamptz: (value) =>
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)$/.test(value) &&
    !Number.isNaN(Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))),
  bigint: (value) => /^-?\d{1,18}$/.test(value),
  int: (value) => /^-?\d{1,9}$/.test(value),
};

/** Decodes a cursor we issued; anything else (tampered, truncated, another list's) is BAD_USER_INPUT, never a database error. */
export function decodeCursor(cursor: string, types: readonly CursorPartType[], field = 'after'): string[] {
  const arity = types.length;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadInputError({ [field]: 'is not a valid cursor' });
  }
  if (
    !Array.isArray(value) ||
    value.length !== arity ||
    !value.every((part, i) => typeof part === 'string' && VALID_PART[types[i]](part))
  ) {
    throw new BadInputError({ [field]: 'is not a valid cursor' });
  }
  return value as string[];
}
