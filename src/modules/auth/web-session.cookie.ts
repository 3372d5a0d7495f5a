import type { Request, Response } from 'express';
import { AppConfig } from '../../config/load-config';
import { requestScheme } from '../../common/auth/origin-policy';

export const REFRESH_COOKIE = 'maillage_refresh';
/** Sent to the refresh endpoints only, never to the API or the pages. */
const COOKIE_PATH = '/auth';

/** Secure outside development and tests over plain http: in production, or when the request or PUBLIC_URL is https. */
function secure(req: Request, config: Pick<AppConfig, 'isProduction' | 'publicUrl' | 'trustProxy'>): boolean {
  return (
    config.isProduction ||
    requestScheme(req, config.trustProxy) === 'https' ||
    (config.publicUrl?.startsWith('https:') ?? false)
  );
}

/** The refresh token from the request's cookies (the browser sends it to /auth/* only). */
export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === REFRESH_COOKIE) {
      const value = part.slice(index + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}

export function setRefreshCookie(
  req: Request,
  res: Response,
  token: string,
  maxAgeSeconds: number,
  config: Pick<AppConfig, 'isProduction' | 'publicUrl' | 'trustProxy'>,
): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    secure: secure(req, config),
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearRefreshCookie(
  req: Request,
  res: Response,
  config: Pick<AppConfig, 'isProduction' | 'publicUrl' | 'trustProxy'>,
): void {
  res.cookie(REFRESH_COOKIE, '', {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    secure: secure(req, config),
    maxAge: 0,
  });
}
