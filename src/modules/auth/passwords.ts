import * as argon2 from 'argon2';
import { BadInputError } from '../../common/errors/app-error';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** argon2id with the library's defaults (64 MiB, 3 passes): OWASP's recommended floor. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash to verify against when the email is unknown, so both failures cost the same time.
const decoy = hashPassword('decoy password that matches nothing');

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await decoy), password);
  } catch {
    return false;
  }
}

export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new BadInputError({ [field]: `must be at least ${PASSWORD_MIN_LENGTH} characters` }, 'PASSWORD_TOO_WEAK');
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new BadInputError({ [field]: `must be at most ${PASSWORD_MAX_LENGTH} characters` }, 'PASSWORD_TOO_WEAK');
  }
}
