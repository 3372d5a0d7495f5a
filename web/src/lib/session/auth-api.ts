import { ApiError } from '../errors/app-error-info';

/** What /auth/login, /auth/invitation and /auth/refresh answer. */
export interface SessionGrant {
  accessToken: string;
  userId: string;
  /** When the access token expires, in this browser's clock (corrected by the server's Date header). */
  expiresAt: number;
  /** The token's lifetime as the server counts it, in milliseconds. */
  lifetime: number;
}

interface GrantBody {
  accessToken: string;
  expiresAt: string;
  userId: string;
}

async function post(path: string, body: object): Promise<Response> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.ok) return response;
  const payload = (await response.json().catch(() => undefined)) as { error?: Record<string, unknown> } | undefined;
  const error = payload?.error;
  throw new ApiError({
    code: typeof error?.code === 'string' ? error.code : 'INTERNAL_SERVER_ERROR',
    reason: typeof error?.reason === 'string' ? error.reason : undefined,
    fields: Array.isArray(error?.fields) ? (error.fields as string[]) : undefined,
    retryAfter: typeof error?.retryAfter === 'number' ? error.retryAfter : undefined,
  });
}

async function grant(path: string, body: object): Promise<SessionGrant> {
  const response = await post(path, body);
  const data = (await response.json()) as GrantBody;
  // The lifetime is measured against the server's clock, so a wrong clock here cannot make the
  // token look fresh (or stale) for ever.
  const serverNow = Date.parse(response.headers.get('date') ?? '') || Date.now();
  const lifetime = Math.max(0, Date.parse(data.expiresAt) - serverNow);
  return { accessToken: data.accessToken, userId: data.userId, expiresAt: Date.now() + lifetime, lifetime };
}

export const authApi = {
  login: (email: string, password: string) => grant('/auth/login', { email, password }),
  acceptInvitation: (token: string, displayName: string, password: string) =>
    grant('/auth/invitation', { token, displayName: displayName.trim() || undefined, password }),
  refresh: () => grant('/auth/refresh', {}),
  logout: async (): Promise<void> => {
    await post('/auth/logout', {});
  },
};
