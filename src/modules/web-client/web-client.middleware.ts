import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { createLogger } from '../../common/logging/logger';
import { AppConfig } from '../../config/load-config';
import { requestHost, requestScheme } from '../../common/auth/origin-policy';

/** Where `npm run build:web` puts the client (dist/modules/web-client → repository root → web/dist). */
export const WEB_DIST = join(__dirname, '..', '..', '..', 'web', 'dist');

/** Server paths the client's fallback never answers: they belong to the API and its files. */
const SERVER_PATHS = /^\/(graphql|socket\.io|health|auth|files|calendar|me|mail)(\/|$)|^\/events\/[^/]+\.ics$/;
/** Vite's content-hashed output: a new build gives new names, so these may be cached for ever. */
const HASHED = `${sep}assets${sep}`;
const HAS_EXTENSION = /\/[^/]*\.[a-z0-9]+$/i;

/**
 * The Content-Security-Policy of the client: only the app's own origin (no inline script, no other
 * host), plus the WebSocket scheme of that origin for Socket.io.
 */
export function contentSecurityPolicy(req: Request, trustProxy: boolean): string {
  const host = requestHost(req, trustProxy);
  const ws = host ? ` ${requestScheme(req, trustProxy) === 'https' ? 'wss' : 'ws'}://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${ws}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built web client at `/`: brotli or gzip copies made at build time (chosen by
 * Accept-Encoding), hashed assets cached for a year, index.html revalidated on each visit and
 * answered for every client route (deep links, reloads), never for the API's own paths.
 */
export function webClientMiddleware(config: Pick<AppConfig, 'trustProxy'>, dist = WEB_DIST): RequestHandler {
  if (!existsSync(join(dist, 'index.html'))) {
    createLogger('WebClient').warn({ dist }, 'the web client is not built (npm run build): / serves nothing');
    return (_req, _res, next) => next();
  }
  const files = expressStaticGzip(dist, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders: (res: ServerResponse, path: string) => {
        res.setHeader('cache-control', path.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    res.setHeader('content-security-policy', contentSecurityPolicy(req, config.trustProxy));
    // A file (`/assets/…`, `/favicon.svg`) is served or falls through to a 404; any other path is a
    // client route, answered with the application page.
    if (!HAS_EXTENSION.test(req.path)) req.url = '/index.html';
    return files(req, res, next);
  };
}
