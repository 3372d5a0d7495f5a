import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a download link works; links are re-issued with every read of `File.url`. */
const LINK_HOURS = 1;

export type FileVariant = 'original' | 'thumbnail';

function signature(secret: string, fileId: string, variant: FileVariant, viewerId: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`maillage-file\n${fileId}\n${variant}\n${viewerId}\n${expires}`)
    .digest('base64url');
}

/**
 * A download token bound to one file, one variant and one viewer, valid about an hour: `<img>` and
 * `<a>` cannot send a bearer header, so the URL carries the proof instead. The expiry is rounded to
 * the hour so the same viewer gets the same URL for a while (the browser cache can work), and
 * access is checked again on every download anyway.
 */
export function signFileToken(
  secret: string,
  fileId: string,
  variant: FileVariant,
  viewerId: string,
  now = Date.now(),
): string {
  const hour = 3_600_000;
  const expires = Math.ceil(now / hour) * (hour / 1000) + LINK_HOURS * 3600;
  return `${viewerId}.${expires}.${signature(secret, fileId, variant, viewerId, expires)}`;
}

/** The viewer a token was issued to, when it is genuine and unexpired; null otherwise. */
export function verifyFileToken(
  secret: string,
  fileId: string,
  variant: FileVariant,
  token: string | undefined,
  now = Date.now(),
): string | null {
  const [viewerId, expiresText, given] = (token ?? '').split('.');
  const expires = Number(expiresText);
  if (!viewerId || !given || !Number.isInteger(expires) || expires * 1000 < now) return null;
  const expected = Buffer.from(signature(secret, fileId, variant, viewerId, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? viewerId : null;
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''…` (RFC 6266 / 8187): the original name, accents intact. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
