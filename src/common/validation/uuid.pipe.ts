import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadInputError } from '../errors/app-error';

/** For scalar id arguments: a malformed id is BAD_USER_INPUT naming the argument, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const ok = (v: unknown) => typeof v === 'string' && isUUID(v);
    if (value === undefined || value === null) return value;
    if (Array.isArray(value) ? value.every(ok) : ok(value)) return value;
    throw new BadInputError({ [metadata.data ?? 'id']: 'must be a UUID' });
  }
}
