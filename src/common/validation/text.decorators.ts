import { registerDecorator, ValidationOptions } from 'class-validator';

/** Refuses empty and whitespace-only text: a blank body, title or name is BAD_USER_INPUT, never stored. */
export function IsNotBlank(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName,
      options: { message: 'must not be blank', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}
