import type { IncomingMessage } from 'node:http';

export interface OriginConfig {
  corsOrigins: string[];
  isProduction: boolean;
  trustProxy: boolean;
}

/** The origin the request was addressed to (`https://host:port`), as a browser on the same site would send it. */
export function ownOrigin(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? headerValue(req.headers['x-forwarded-proto']) : undefined;
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const scheme = forwarded?.split(',')[0].trim() || (secure ? 'https' : 'http');
  const host =
    (trustProxy ? headerValue(req.headers['x-forwarded-host'])?.split(',')[0].trim() : undefined) ?? req.headers.host;
  return host ? `${scheme}://${host}` : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The one cross-origin rule, for HTTP (CORS) and for Socket.io handshakes. No `Origin`: not a
 * browser (native apps, servers), allowed. The app's own origin (the served web client): allowed.
 * Other origins: those listed in CORS_ORIGINS; with none listed, any in development, none in production.
 */
export function originAllowed(config: OriginConfig, origin: string | undefined, own?: string): boolean {
  if (!origin) return true;
  if (own !== undefined && origin === own) return true;
  if (config.corsOrigins.length === 0) return !config.isProduction;
  return config.corsOrigins.includes(origin);
}
