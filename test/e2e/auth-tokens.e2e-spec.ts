import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { loginAdmin, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The tokens: refresh-token rotation and reuse detection, how refresh tokens are stored,
 * and which bearer tokens `me` (and so every authenticated operation) refuses.
 */

const REFRESH = `mutation($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { accessToken refreshToken user { id email } }
}`;
const ME = `{ me { id } }`;

interface RefreshData {
  refreshToken: { accessToken: string; refreshToken: string; user: { id: string; email: string | null } };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('auth tokens', () => {
  let app: TestApp;
  let admin: Session;

  const refresh = (refreshToken: string) => app.gql<RefreshData>(REFRESH, { refreshToken });
  const me = (token: string) => app.gql<{ me: { id: string } }>(ME, {}, token);
  const expectUnauthenticated = (res: GraphQLResponse<unknown>) => {
    expect(res.data ?? null).toBeNull();
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
  });
  afterAll(() => app?.close());

  describe('refreshToken', () => {
    it('rotates: returns new tokens for the same user, and the old refresh token stops working', async () => {
      const session = await loginAdmin(app);
      const first = await refresh(session.refreshToken);
      expect(first.errors).toBeUndefined();
      const next = first.data!.refreshToken;
      expect(next.refreshToken).not.toBe(session.refreshToken);
      expect(next.user).toEqual({ id: admin.userId, email: app.admin.email });
      expect((await me(next.accessToken)).data?.me.id).toBe(admin.userId);

      const second = await refresh(next.refreshToken);
      expect(second.errors).toBeUndefined();
      expect(second.data!.refreshToken.refreshToken).not.toBe(next.refreshToken);
    });

    it('refuses the old refresh token once rotated', async () => {
      const session = await loginAdmin(app);
      expect((await refresh(session.refreshToken)).errors).toBeUndefined();
      expectUnauthenticated(await refresh(session.refreshToken));
    });

    it('revokes the whole family when a rotated token is reused', async () => {
      const session = await loginAdmin(app);
      const bystander = await loginAdmin(app);
      const rotated = (await refresh(session.refreshToken)).data!.refreshToken;
      const newest = (await refresh(rotated.refreshToken)).data!.refreshToken;

      // The stolen, already-rotated token comes back: refused, and the session ends.
      expectUnauthenticated(await refresh(session.refreshToken));
      expectUnauthenticated(await refresh(newest.refreshToken));
      expectUnauthenticated(await me(newest.accessToken));
      expectUnauthenticated(await me(session.accessToken));

      // Other sessions of the same user are not affected.
      expect((await me(bystander.accessToken)).data?.me.id).toBe(admin.userId);
      expect((await refresh(bystander.refreshToken)).errors).toBeUndefined();
    });

    it('lets only one of two concurrent refreshes with the same token succeed', async () => {
      const session = await loginAdmin(app);
      const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
      const succeeded = results.filter((res) => res.data?.refreshToken);
      expect(succeeded).toHaveLength(1);
      for (const res of results.filter((r) => !r.data?.refreshToken)) expect(errorCode(res)).toBe('UNAUTHENTICATED');
    });

    it('refuses unknown, malformed and expired refresh tokens', async () => {
      expectUnauthenticated(await refresh(randomBytes(32).toString('base64url')));
      expectUnauthenticated(await refresh('garbage'));
      expectUnauthenticated(await refresh(admin.accessToken.slice(0, 200)));

      const session = await loginAdmin(app);
      const hash = createHash('sha256').update(session.refreshToken).digest('hex');
      const updated = await app.sql(
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = $1 RETURNING id`,
        [hash],
      );
      expect(updated).toHaveLength(1);
      expectUnauthenticated(await refresh(session.refreshToken));
    });

    it('stores refresh tokens hashed: the raw token is in no column', async () => {
      const session = await loginAdmin(app);
      const rotated = (await refresh(session.refreshToken)).data!.refreshToken.refreshToken;
      const rows = await app.sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM refresh_tokens t`);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const token of [session.refreshToken, rotated, admin.refreshToken]) {
        for (const { row } of rows) expect(row).not.toContain(token);
      }
      const sessions = await app.sql<{ row: string }>(`SELECT row_to_json(s)::text AS row FROM sessions s`);
      for (const { row } of sessions) expect(row).not.toContain(session.refreshToken);
    });
  });

  describe('me and bearer tokens', () => {
    /** The claims of the admin's real access token, to forge look-alikes that differ in one way. */
    let claims: { sub: string; sid: string };
    beforeAll(() => {
      const decoded = jwt.decode(admin.accessToken) as { sub: string; sid: string; typ: string };
      expect(decoded.typ).toBe('access');
      claims = { sub: decoded.sub, sid: decoded.sid };
    });

    const now = () => Math.floor(Date.now() / 1000);
    const sign = (payload: object, secret = app.env.JWT_SECRET, algorithm: jwt.Algorithm = 'HS256') =>
      jwt.sign(payload, secret, { algorithm });

    it('answers me for a valid access token, and for one forged with the server’s own secret (control)', async () => {
      expect((await me(admin.accessToken)).data?.me.id).toBe(admin.userId);
      const forged = sign({ ...claims, typ: 'access', exp: now() + 300 });
      expect((await me(forged)).data?.me.id).toBe(admin.userId);
    });

    it('refuses an anonymous me', async () => {
      expectUnauthenticated(await app.gql(ME));
    });

    const refused: [string, () => string][] = [
      ['garbage', () => 'not-a-token'],
      ['a JWT-shaped string that is not one', () => 'aaaa.bbbb.cccc'],
      [
        'a token signed with another secret',
        () => sign({ ...claims, typ: 'access', exp: now() + 300 }, randomBytes(32).toString('hex')),
      ],
      [
        'an `alg: none` token',
        () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, typ: 'access', exp: now() + 300 })}.`,
      ],
      ['an expired token', () => sign({ ...claims, typ: 'access', iat: now() - 3600, exp: now() - 60 })],
      ['a refresh token', () => admin.refreshToken],
      ['a token whose typ is "refresh"', () => sign({ ...claims, typ: 'refresh', exp: now() + 300 })],
      ['a token without typ', () => sign({ ...claims, exp: now() + 300 })],
      [
        'an HS512 token, even with the right secret',
        () => sign({ ...claims, typ: 'access', exp: now() + 300 }, undefined, 'HS512'),
      ],
      [
        'a token for a session that does not exist',
        () => sign({ ...claims, sid: randomUUID(), typ: 'access', exp: now() + 300 }),
      ],
      [
        'a token whose sub does not own its session',
        () => sign({ ...claims, sub: randomUUID(), typ: 'access', exp: now() + 300 }),
      ],
      ['a token whose signature was tampered with', () => `${admin.accessToken.slice(0, -4)}AAAA`],
      [
        'a token whose payload was changed after signing',
        () => {
          const [header, , signature] = admin.accessToken.split('.');
          return `${header}.${base64url({ ...claims, sub: randomUUID(), typ: 'access', exp: now() + 300 })}.${signature}`;
        },
      ],
    ];

    it.each(refused)('refuses %s (UNAUTHENTICATED)', async (_name, token) => {
      expectUnauthenticated(await me(token()));
    });
  });
});
