import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(`mail-unsubscribe:${userId}`).digest('base64url');
}

/**
 * The token of a one-click unsubscribe link (RFC 8058): the person's id and an HMAC of it under the
 * server's secret. It opens one thing only, setting that person's e-mail frequency to NEVER, and
 * needs no login; nothing is stored.
 */
export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${mac(secret, userId)}`;
}

/** The person a token names, when its HMAC is right. */
export function verifyUnsubscribeToken(secret: string, token: string): string | undefined {
  const [userId, given] = token.split('.');
  if (!userId || !given || !UUID.test(userId)) return undefined;
  const expected = Buffer.from(mac(secret, userId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? userId : undefined;
}
