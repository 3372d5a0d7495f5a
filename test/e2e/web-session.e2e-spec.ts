import { federationId, invite, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { connectSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The web client's cookie session (/auth/login, /auth/invitation, /auth/refresh, /auth/logout): the
 * refresh token only ever in an HttpOnly, SameSite=Strict cookie scoped to /auth, rotated on each
 * use, JSON and the app's own Origin only, and the same limits as the GraphQL login.
 */

interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
  headers: Headers;
  cookie: string | undefined;
}

const PARTNER = 'https://app.partenaire.test';

describe('web session endpoints (/auth/*)', () => {
  let app: TestApp;
  let admin: Session;
  let member: Session;

  /** POSTs as the web client does: JSON, the app's Origin, the cookie when given. */
  async function post(
    path: string,
    body: unknown = {},
    options: { cookie?: string; origin?: string | null; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/json',
      ...options.headers,
    };
    if (options.origin !== null) headers.origin = options.origin ?? app.url;
    if (options.cookie) headers.cookie = `maillage_refresh=${options.cookie}`;
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('maillage_refresh='));
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      headers: response.headers,
      cookie: setCookie,
    };
  }

  const cookieValue = (setCookie: string | undefined) => /^maillage_refresh=([^;]*)/.exec(setCookie ?? '')?.[1] ?? '';
  const me = async (token: string) => errorCode(await app.gql('{ me { id } }', {}, token));
  const login = (email = member.email, password = member.password) => post('/auth/login', { email, password });

  beforeAll(async () => {
    // Behind a trusted proxy, as in production: X-Forwarded-Proto says whether the browser used https.
    app = await startTestApp({
      CORS_ORIGINS: PARTNER,
      LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '4',
      TRUST_PROXY: 'true',
    });
    admin = await loginAdmin(app);
    member = await newMember(
      app,
      admin.accessToken,
      await federationId(app, admin.accessToken),
      'MEMBER',
      'Zoé Lambert',
    );
  });
  afterAll(() => app?.close());

  it('logs in: the access token in the body, the refresh token only in an HttpOnly cookie', async () => {
    const started = Date.now();
    const answer = await login();
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body ?? {}).sort()).toEqual(['accessToken', 'expiresAt', 'userId']);
    expect(answer.body?.userId).toBe(member.userId);
    const expiresAt = Date.parse(String(answer.body?.expiresAt));
    expect(expiresAt - started).toBeGreaterThan(14 * 60 * 1000);
    expect(expiresAt - started).toBeLessThan(16 * 60 * 1000);
    expect(await me(String(answer.body?.accessToken))).toBeUndefined();
    expect(answer.headers.get('cache-control')).toBe('no-store');

    const attributes = (answer.cookie ?? '').split(';').map((part) => part.trim().toLowerCase());
    expect(cookieValue(answer.cookie)).toMatch(/^[\w-]{40,}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth', 'max-age=2592000']),
    );
    expect(attributes).not.toContain('secure');
    expect(JSON.stringify(answer.body)).not.toContain(cookieValue(answer.cookie));
  });

  it('marks the cookie Secure when the request came over https (behind a trusted proxy)', async () => {
    const answer = await post(
      '/auth/login',
      { email: member.email, password: member.password },
      { origin: app.url.replace('http:', 'https:'), headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(answer.status).toBe(200);
    expect(
      (answer.cookie ?? '')
        .toLowerCase()
        .split(';')
        .map((p) => p.trim()),
    ).toContain('secure');
  });

  it('rotates the cookie on refresh; a rotated cookie presented again ends the session', async () => {
    const first = await login();
    const refreshed = await post('/auth/refresh', {}, { cookie: cookieValue(first.cookie) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body?.userId).toBe(member.userId);
    expect(cookieValue(refreshed.cookie)).not.toBe(cookieValue(first.cookie));
    expect(await me(String(refreshed.body?.accessToken))).toBeUndefined();

    const reused = await post('/auth/refresh', {}, { cookie: cookieValue(first.cookie) });
    expect(reused.status).toBe(401);
    expect((reused.body?.error as { code: string }).code).toBe('UNAUTHENTICATED');
    expect(reused.cookie?.toLowerCase()).toContain('max-age=0');
    // The whole session is gone: its newest cookie and its access tokens too.
    expect((await post('/auth/refresh', {}, { cookie: cookieValue(refreshed.cookie) })).status).toBe(401);
    expect(await me(String(refreshed.body?.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('answers 401 without a session cookie, and clears whatever cookie there was', async () => {
    const none = await post('/auth/refresh');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({
      error: { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED', message: expect.any(String) },
    });
    expect(none.headers.get('cache-control')).toBe('no-store');
    const bogus = await post('/auth/refresh', {}, { cookie: 'not-a-real-token' });
    expect(bogus.status).toBe(401);
    expect(bogus.cookie?.toLowerCase()).toContain('max-age=0');
  });

  it("refuses requests from another site's pages (Origin), but accepts CORS_ORIGINS", async () => {
    const session = await login();
    for (const origin of ['https://evil.test', 'null', null]) {
      for (const path of ['/auth/login', '/auth/refresh', '/auth/logout', '/auth/invitation']) {
        const answer = await post(
          path,
          { email: member.email, password: member.password },
          { origin, cookie: cookieValue(session.cookie) },
        );
        expect([path, origin, answer.status]).toEqual([path, origin, 403]);
        expect((answer.body?.error as { code: string }).code).toBe('FORBIDDEN');
        expect(answer.cookie).toBeUndefined();
      }
    }
    // The session survived the refused attempts.
    expect((await post('/auth/refresh', {}, { cookie: cookieValue(session.cookie) })).status).toBe(200);
    expect((await login()).status).toBe(200);
    expect(
      (await post('/auth/login', { email: member.email, password: member.password }, { origin: PARTNER })).status,
    ).toBe(200);
  });

  it('accepts JSON only (415 otherwise)', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await post('/auth/login', `email=${member.email}&password=${member.password}`, { contentType });
      expect([contentType, answer.status]).toEqual([contentType, 415]);
      expect(answer.cookie).toBeUndefined();
    }
  });

  it('logs out: 204, the cookie cleared, the session revoked and its live connection cut', async () => {
    const session = await login();
    const accessToken = String(session.body?.accessToken);
    const socket: TestSocket = await connectSocket(app.url, accessToken);
    const out = await post('/auth/logout', {}, { cookie: cookieValue(session.cookie) });
    expect(out.status).toBe(204);
    expect(out.body).toBeUndefined();
    expect(out.cookie?.toLowerCase()).toContain('max-age=0');
    expect(await me(accessToken)).toBe('UNAUTHENTICATED');
    expect((await post('/auth/refresh', {}, { cookie: cookieValue(session.cookie) })).status).toBe(401);
    await expect(socket.disconnected).resolves.toBeDefined();
    // Without a cookie there is nothing to end, and the answer is the same.
    expect((await post('/auth/logout')).status).toBe(204);
  });

  it('gives a wrong e-mail and a wrong password the same answer, and throttles like the GraphQL login', async () => {
    const other = await newMember(
      app,
      admin.accessToken,
      await federationId(app, admin.accessToken),
      'MEMBER',
      'Jules Petit',
    );
    const wrongPassword = await login(other.email, 'not-the-password');
    const wrongEmail = await login('personne@nulle-part.test', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.body).toEqual(wrongPassword.body);

    // One IP may fail 4 times per 15 minutes on one account, counted across /auth/login and GraphQL login.
    const graphqlLogin = () =>
      app.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
        e: other.email,
        p: 'still-not-it',
      });
    expect(errorCode(await graphqlLogin())).toBe('UNAUTHENTICATED');
    expect((await login(other.email, 'not-the-password')).status).toBe(401);
    expect(errorCode(await graphqlLogin())).toBe('UNAUTHENTICATED');
    const limited = await login(other.email, other.password);
    expect(limited.status).toBe(429);
    expect((limited.body?.error as { code: string; retryAfter: number }).code).toBe('RATE_LIMITED');
    expect((limited.body?.error as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorCode(await graphqlLogin())).toBe('RATE_LIMITED');
  });

  it('accepts an invitation (new account) with the same rules as acceptInvitation', async () => {
    const federation = await federationId(app, admin.accessToken);
    const invitation = await invite(app, admin.accessToken, federation, 'arrivee.web@club.test');
    const short = await post('/auth/invitation', { token: invitation.token, displayName: 'Lina', password: 'court' });
    expect(short.status).toBe(400);
    expect(short.body?.error).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['password'] }));

    const joined = await post('/auth/invitation', {
      token: invitation.token,
      displayName: 'Lina Moreau',
      password: 'un-mot-de-passe-solide',
    });
    expect(joined.status).toBe(200);
    expect(cookieValue(joined.cookie)).not.toBe('');
    const profile = await app.gql<{ me: { displayName: string } }>(
      '{ me { displayName } }',
      {},
      String(joined.body?.accessToken),
    );
    expect(profile.data?.me.displayName).toBe('Lina Moreau');

    const again = await post('/auth/invitation', {
      token: invitation.token,
      displayName: 'Lina',
      password: 'un-mot-de-passe-solide',
    });
    expect(again.status).toBe(400);
    expect(again.body?.error).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['token'] }));

    // An address that has an account: its current password, never a new one.
    const club = await app.gql<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: 'Union sportive de Lannion', kind: 'ASSOCIATION', parentId: federation } },
      admin.accessToken,
    );
    const existing = await invite(app, admin.accessToken, club.data!.createOrganization.id, member.email);
    const refused = await post('/auth/invitation', {
      token: existing.token,
      displayName: 'Intrus',
      password: 'a-new-password-here',
    });
    expect(refused.status).toBe(401);
    expect((refused.body?.error as { code: string }).code).toBe('UNAUTHENTICATED');
    const accepted = await post('/auth/invitation', { token: existing.token, password: member.password });
    expect(accepted.status).toBe(200);
    expect(accepted.body?.userId).toBe(member.userId);
  });

  it('answers malformed input with BAD_USER_INPUT naming the field', async () => {
    const missing = await post('/auth/login', { email: member.email });
    expect(missing.status).toBe(400);
    expect(missing.body?.error).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: ['password'] }));
    const nested = await post('/auth/login', { email: { $ne: '' }, password: 'x' });
    expect(nested.status).toBe(400);
  });
});
