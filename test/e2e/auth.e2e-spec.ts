import { randomUUID } from 'node:crypto';
import { federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Accounts from a client's side: login (and its rate limits), logout, password storage,
 * and the rule that everything but login, refreshToken and acceptInvitation needs a token.
 * Refresh-token rotation and access-token validation are in auth-tokens.e2e-spec.ts.
 */

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken user { id displayName email } }
}`;
const LOGOUT = `mutation($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;
const REFRESH = `mutation($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { accessToken refreshToken } }`;
const ME = `{ me { id } }`;

interface LoginData {
  login: { accessToken: string; refreshToken: string; user: { id: string; displayName: string; email: string | null } };
}

function tryLogin(app: TestApp, email: string, password: string, headers?: Record<string, string>) {
  return app.gql<LoginData>(LOGIN, { email, password }, undefined, headers);
}

/** Every error code of a response, in order. */
function codes(res: GraphQLResponse<unknown>): (string | undefined)[] {
  return (res.errors ?? []).map((error) => error.extensions?.code);
}

describe('auth', () => {
  let app: TestApp;
  let admin: Session;
  let member: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    member = await newMember(
      app,
      admin.accessToken,
      await federationId(app, admin.accessToken),
      'MEMBER',
      'Camille Durand',
    );
  });
  afterAll(() => app?.close());

  describe('login', () => {
    it('returns an access token, a refresh token and the user, with their own email', async () => {
      const res = await tryLogin(app, member.email, member.password);
      expect(res.errors).toBeUndefined();
      const payload = res.data!.login;
      expect(payload.accessToken).toEqual(expect.any(String));
      expect(payload.refreshToken).toEqual(expect.any(String));
      expect(payload.accessToken).not.toBe(payload.refreshToken);
      expect(payload.user).toEqual({ id: member.userId, displayName: 'Camille Durand', email: member.email });

      const me = await app.gql<{ me: { id: string } }>(ME, {}, payload.accessToken);
      expect(me.data?.me.id).toBe(member.userId);
    });

    it('refuses a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
      const wrongPassword = await tryLogin(app, member.email, 'not-the-right-password');
      const unknownEmail = await tryLogin(app, `nobody-${randomUUID()}@club.test`, member.password);
      for (const res of [wrongPassword, unknownEmail]) {
        expect(res.data).toBeNull();
        expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      }
      expect(unknownEmail.errors![0].message).toBe(wrongPassword.errors![0].message);
      expect(JSON.stringify(unknownEmail.errors![0].extensions)).toBe(
        JSON.stringify(wrongPassword.errors![0].extensions),
      );
    });

    it('refuses an empty password', async () => {
      expect(errorCode(await tryLogin(app, member.email, ''))).toBe('UNAUTHENTICATED');
    });

    it('treats the email case-insensitively (and ignores surrounding spaces)', async () => {
      const res = await tryLogin(app, `  ${app.admin.email.toUpperCase()} `, app.admin.password);
      expect(res.errors).toBeUndefined();
      expect(res.data!.login.user).toMatchObject({ id: admin.userId, email: app.admin.email });
    });

    it('opens a distinct session on each login', async () => {
      const [a, b] = await Promise.all([
        login(app, member.email, member.password),
        login(app, member.email, member.password),
      ]);
      expect(a.accessToken).not.toBe(b.accessToken);
      expect(a.refreshToken).not.toBe(b.refreshToken);
    });
  });

  describe('passwords', () => {
    it('are stored as argon2id hashes, never as given', async () => {
      const rows = await app.sql<{ email: string; password_hash: string }>(
        `SELECT email, password_hash FROM users WHERE email = ANY($1)`,
        [[app.admin.email, member.email]],
      );
      expect(rows).toHaveLength(2);
      const passwords: Record<string, string> = {
        [app.admin.email]: app.admin.password,
        [member.email]: member.password,
      };
      for (const row of rows) {
        expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
        expect(row.password_hash).not.toBe(passwords[row.email]);
        expect(row.password_hash).not.toContain(passwords[row.email]);
      }
    });
  });

  describe('logout', () => {
    it('ends this session (access and refresh token) but not the user’s other sessions', async () => {
      const phone = await login(app, member.email, member.password);
      const laptop = await login(app, member.email, member.password);

      const res = await app.gql<{ logout: boolean }>(LOGOUT, { refreshToken: phone.refreshToken }, phone.accessToken);
      expect(res.errors).toBeUndefined();
      expect(res.data?.logout).toBe(true);

      expect(errorCode(await app.gql(ME, {}, phone.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await app.gql(REFRESH, { refreshToken: phone.refreshToken }))).toBe('UNAUTHENTICATED');

      const other = await app.gql<{ me: { id: string } }>(ME, {}, laptop.accessToken);
      expect(other.data?.me.id).toBe(member.userId);
      const refreshed = await app.gql(REFRESH, { refreshToken: laptop.refreshToken });
      expect(refreshed.errors).toBeUndefined();
    });

    it('needs authentication', async () => {
      const session = await login(app, member.email, member.password);
      const res = await app.gql(LOGOUT, { refreshToken: session.refreshToken });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      // Nothing was ended by the anonymous call.
      expect((await app.gql(ME, {}, session.accessToken)).errors).toBeUndefined();
    });

    it("cannot end someone else's session with their refresh token", async () => {
      const victim = await login(app, member.email, member.password);
      const other = await login(app, app.admin.email, app.admin.password);
      const res = await app.gql<{ logout: boolean }>(LOGOUT, { refreshToken: victim.refreshToken }, other.accessToken);
      expect(res.data?.logout).toBe(true);
      expect(errorCode(await app.gql(ME, {}, other.accessToken))).toBe('UNAUTHENTICATED');
      expect((await app.gql(ME, {}, victim.accessToken)).errors).toBeUndefined();
      expect((await app.gql(REFRESH, { refreshToken: victim.refreshToken })).errors).toBeUndefined();
    });
  });

  describe('anonymous access', () => {
    const operations: [string, string, Record<string, unknown>][] = [
      ['me', `{ me { id } }`, {}],
      ['people', `{ people(first: 5) { edges { node { id } } } }`, {}],
      ['organizations', `{ organizations(first: 5) { edges { node { id } } } }`, {}],
      ['user', `query($id: ID!) { user(id: $id) { id } }`, { id: randomUUID() }],
      ['updateProfile', `mutation { updateProfile(input: { displayName: "Intrus" }) { id } }`, {}],
      [
        'createOrganization',
        `mutation($parentId: ID!) { createOrganization(input: { name: "Pirates", kind: ASSOCIATION, parentId: $parentId }) { id } }`,
        { parentId: randomUUID() },
      ],
    ];

    it.each(operations)('refuses %s without a token (UNAUTHENTICATED)', async (_name, query, variables) => {
      const res = await app.gql<Record<string, unknown>>(query, variables);
      expect(Object.values(res.data ?? {}).filter((value) => value !== null)).toEqual([]);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses a header that is not a bearer token', async () => {
      const res = await app.gql(ME, {}, undefined, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      const bare = await app.gql(ME, {}, undefined, { authorization: admin.accessToken });
      expect(errorCode(bare)).toBe('UNAUTHENTICATED');
    });

    it('does not take a login earlier in the same document as the bearer of the next fields', async () => {
      const res = await app.gql<Record<string, unknown>>(
        `mutation($email: String!, $password: String!) {
          login(email: $email, password: $password) { accessToken }
          updateProfile(input: { jobTitle: "Piraté" }) { id }
        }`,
        { email: member.email, password: member.password },
      );
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.errors![0].path).toEqual(['updateProfile']);
    });

    it('leaves nothing changed by a refused updateProfile', async () => {
      const res = await app.gql<{ me: { displayName: string; jobTitle: string | null } }>(
        `{ me { displayName jobTitle } }`,
        {},
        member.accessToken,
      );
      expect(res.data?.me).toEqual({ displayName: 'Camille Durand', jobTitle: null });
    });
  });
});

describe('login rate limits', () => {
  describe('per account and IP', () => {
    let app: TestApp;
    let member: Session;

    beforeAll(async () => {
      app = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' });
      const admin = await loginAdmin(app);
      member = await newMember(app, admin.accessToken, await federationId(app, admin.accessToken));
    });
    afterAll(() => app?.close());

    it('refuses the 4th attempt with RATE_LIMITED and retryAfter, even with the right password', async () => {
      for (let i = 0; i < 3; i++) {
        expect(errorCode(await tryLogin(app, app.admin.email, `wrong-password-${i}`))).toBe('UNAUTHENTICATED');
      }
      const res = await tryLogin(app, app.admin.email.toUpperCase(), app.admin.password);
      expect(res.data).toBeNull();
      expect(errorCode(res)).toBe('RATE_LIMITED');
      expect(res.errors![0].extensions?.retryAfter).toBeGreaterThan(0);

      // The limit is per account (and IP): someone else on the same IP still gets in.
      expect((await tryLogin(app, member.email, member.password)).errors).toBeUndefined();
    });

    it('counts the aliases of one request one by one: a document cannot try more passwords than the limit', async () => {
      // Four wrong guesses then the right password, as aliases of one document. GraphQL runs
      // mutation fields in order and stops at the first failed non-null one; whether or not the
      // server goes on, the right password must not get in and every attempt made must count.
      const guesses = ['wrong-1', 'wrong-2', 'wrong-3', 'wrong-4', member.password];
      const aliases = guesses.map((_, i) => `a${i}: login(email: $email, password: $p${i}) { accessToken }`);
      const params = guesses.map((_, i) => `$p${i}: String!`).join(', ');
      const variables = Object.fromEntries([['email', member.email], ...guesses.map((guess, i) => [`p${i}`, guess])]);
      const res = await app.gql(`mutation($email: String!, ${params}) { ${aliases.join(' ')} }`, variables);
      expect(res.data ?? null).toBeNull();
      const inDocument = codes(res);
      expect(inDocument.length).toBeGreaterThan(0);
      expect(inDocument.every((code) => code === 'UNAUTHENTICATED' || code === 'RATE_LIMITED')).toBe(true);

      // Spend what is left of the budget one request at a time: the total is exactly the limit.
      const single: (string | undefined)[] = [];
      while (single.length < 5 && single.at(-1) !== 'RATE_LIMITED') {
        single.push(errorCode(await tryLogin(app, member.email, 'wrong-again')));
      }
      expect([...inDocument, ...single].filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
      expect(errorCode(await tryLogin(app, member.email, member.password))).toBe('RATE_LIMITED');
    });
  });

  describe('per IP', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '100', LOGIN_MAX_FAILURES_PER_IP: '3' });
    });
    afterAll(() => app?.close());

    it('refuses any account once one IP has failed too often, whatever X-Forwarded-For says', async () => {
      for (let i = 0; i < 3; i++) {
        expect(errorCode(await tryLogin(app, `someone-${i}@club.test`, 'a-guessed-password'))).toBe('UNAUTHENTICATED');
      }
      const res = await tryLogin(app, app.admin.email, app.admin.password);
      expect(errorCode(res)).toBe('RATE_LIMITED');
      expect(res.errors![0].extensions?.retryAfter).toBeGreaterThan(0);

      const spoofed = await tryLogin(app, app.admin.email, app.admin.password, { 'x-forwarded-for': '203.0.113.7' });
      expect(errorCode(spoofed)).toBe('RATE_LIMITED');
    });
  });
});
