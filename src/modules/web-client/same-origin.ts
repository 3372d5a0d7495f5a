import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AppConfig } from '../../config/load-config';

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The scheme the browser used: the connection's, or the proxy's `X-Forwarded-Proto` when proxies are trusted. */
export function requestScheme(req: IncomingMessage, trustProxy: boolean): 'http' | 'https' {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  return (req.socket as TLSSocket).encrypted ? 'https' : 'http';
}

/** The request's own host (`Host` header), when it is a well-formed host name; undefined otherwise. */
export function requestHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-host'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  const host = forwarded || req.headers.host;
  return host && HOST.test(host) ? host.toLowerCase() : undefined;
}

/** `https://host` of the request itself: what a page served by this app sends as its `Origin`. */
export function requestOrigin(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const host = requestHost(req, trustProxy);
  return host ? `${requestScheme(req, trustProxy)}://${host}` : undefined;
}

/**
 * True when `origin` is the app's own (the request's scheme and host, or PUBLIC_URL's origin) or
 * one of CORS_ORIGINS. A missing or `null` origin is not allowed.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  req: IncomingMessage,
  config: Pick<AppConfig, 'publicUrl' | 'corsOrigins' | 'trustProxy'>,
): boolean {
  if (!origin || origin === 'null') return false;
  const own = requestOrigin(req, config.trustProxy);
  if (own && origin.toLowerCase() === own) return true;
  if (config.publicUrl && origin.toLowerCase() === new URL(config.publicUrl).origin) return true;
  return config.corsOrigins.includes(origin);
}
