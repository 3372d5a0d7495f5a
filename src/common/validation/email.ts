/** Deliberately loose (one @, no spaces): `admin@localhost` is the zero-config admin. Ownership is proven by the invitation. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
