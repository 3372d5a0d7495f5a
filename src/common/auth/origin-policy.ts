import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface OriginConfig {
  corsOrigins: string[];
  isProduction: boolean;
  trustProxy: boolean;
  /** The address people open (PUBLIC_URL), when set: its origin counts as the app's own. */
  publicUrl?: string;
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

function firstForwarded(value: string | string[] | undefined): string {
  return String(Array.isArray(value) ? value[0] : (value ?? ''))
    .split(',')[0]
    .trim();
}

/** The scheme the browser used: the connection's, or the proxy's `X-Forwarded-Proto` when proxies are trusted. */
export function requestScheme(req: IncomingMessage, trustProxy: boolean): 'http' | 'https' {
  const forwarded = trustProxy ? firstForwarded(req.headers['x-forwarded-proto']) : '';
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  return (req.socket as TLSSocket).encrypted ? 'https' : 'http';
}

/** The request's own host (`Host`, or `X-Forwarded-Host` behind a trusted proxy) when well formed. */
export function requestHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const host = (trustProxy ? firstForwarded(req.headers['x-forwarded-host']) : '') || req.headers.host;
  return host && HOST.test(host) ? host.toLowerCase() : undefined;
}

/** The origin the request was addressed to (`https://host:port`): what a page served by this app sends. */
export function ownOrigin(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const host = requestHost(req, trustProxy);
  return host ? `${requestScheme(req, trustProxy)}://${host}` : undefined;
}

/** The app's own origin for this request, or PUBLIC_URL's. */
function isOwn(config: OriginConfig, origin: string, req: IncomingMessage): boolean {
  const lower = origin.toLowerCase();
  if (lower === ownOrigin(req, config.trustProxy)) return true;
  return config.publicUrl !== undefined && lower === new URL(config.publicUrl).origin;
}

/**
 * The one cross-origin rule, for HTTP (CORS) and for Socket.io handshakes. No `Origin`: not a
 * browser (native apps, servers), allowed. The app's own origin (the served web client, or
 * PUBLIC_URL's): allowed. Other origins: those listed in CORS_ORIGINS; with none listed, any in
 * development, none in production.
 */
export function originAllowed(config: OriginConfig, origin: string | undefined, req: IncomingMessage): boolean {
  if (!origin) return true;
  if (isOwn(config, origin, req)) return true;
  if (config.corsOrigins.length === 0) return !config.isProduction;
  return config.corsOrigins.includes(origin);
}

/**
 * The stricter rule of the endpoints that act on the session cookie (`/auth/*`): the request must
 * come from a page, of the app's own origin or one listed in CORS_ORIGINS. A missing or `null`
 * origin, and development's "any origin", are refused: a cookie endpoint is never open to all.
 */
export function trustedPageOrigin(config: OriginConfig, origin: string | undefined, req: IncomingMessage): boolean {
  if (!origin || origin === 'null') return false;
  return isOwn(config, origin, req) || config.corsOrigins.includes(origin);
}
