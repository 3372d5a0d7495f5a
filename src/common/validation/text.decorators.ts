import { registerDecorator, ValidationOptions } from 'class-validator';

// Nothing a reader would see: white space, zero-width and other format characters (U+200B…U+200D,
// U+2060, U+FEFF, the soft hyphen…), lone combining marks, and the blank "filler" letters.
const INVISIBLE_ONLY = /^[\s\p{Z}\p{Cf}\p{M}\u115F\u1160\u2800\u3164\uFFA0]*$/u;

/** True when the text shows nothing: empty, white space only, or zero-width characters only. */
export function isBlank(value: string): boolean {
  return INVISIBLE_ONLY.test(value);
}

/** Refuses empty, whitespace-only and zero-width-only text (API.md §2). */
export function IsNotBlank(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName,
      options: { message: 'must not be blank', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && !isBlank(value) },
    });
}
