import { BadInputError } from '../errors/app-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor codec', () => {
  it('round-trips a sort key, including microsecond timestamps and accents', () => {
    const key = ['2026-11-25 00:13:17.123456+00', 'trésorière', '4b0f0a52-58b7-4d43-9d5e-0d1c2f3a4b5c'];
    expect(decodeCursor(encodeCursor(key), ['timestamptz', 'text', 'uuid'])).toEqual(key);
  });

  it('is opaque: URL-safe, no visible key', () => {
    const cursor = encodeCursor(['secret-looking value']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('secret');
  });

  it.each([
    ['garbage!'],
    [Buffer.from('{"a":1}').toString('base64url')],
    [encodeCursor(['only one'])],
    [Buffer.from('[1,2]').toString('base64url')],
    [encodeCursor(['yesterday', 'not-a-uuid'])],
    [encodeCursor(['2026-11-25 00:13:17+00', 'not-a-uuid'])],
    [encodeCursor(['2026-13-45 99:99:99+00', '4b0f0a52-58b7-4d43-9d5e-0d1c2f3a4b5c'])],
  ])('refuses %j as BAD_USER_INPUT naming the argument', (cursor) => {
    expect(() => decodeCursor(cursor, ['timestamptz', 'uuid'])).toThrow(BadInputError);
    try {
      decodeCursor(cursor, ['timestamptz', 'uuid'], 'after');
    } catch (err) {
      expect((err as BadInputError).details.fields).toEqual(['after']);
    }
  });
});
