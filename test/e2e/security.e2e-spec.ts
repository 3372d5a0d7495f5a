import { randomBytes } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import {
  aliases,
  badTokens,
  codesOf,
  expectRateLimited,
  fuzzGraphQL,
  fuzzSockets,
  malformedRequest,
  NASTY_STRINGS,
  ok,
  prng,
  range,
  socketCases,
} from '../support/adversarial';
import { sendMessage, startConversation } from '../support/conversations';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { searchRaw } from '../support/search';
import { closeAllSockets, connectError, connectSocket, sendOverSocket, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/** Adversarial: query attacks, bad requests and tokens, injection-shaped text, fuzzing, throttling (README, "Security and privacy"). */
const ME = '{ me { id } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const REFRESH = 'mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }';
const CREATE_POST = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id body } }';
const CREATE_GROUP = 'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id name } }';
const UPDATE_PROFILE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id bio } }';
type Data = Record<string, Record<string, string>>;

describe('security (adversarial)', () => {
  let app: TestApp;
  let admin: Session, alice: Session, bob: Session, fuzzer: Session;
  let club: string, group: string;
  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const auth = (who: Session) => ({ authorization: `Bearer ${who.accessToken}` });
  const as = (who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<Data>(query, variables, who.accessToken);
  const me = (token?: string) => app.gql<{ me: { id: string } }>(ME, {}, token);
  const person = (name: string) => newMember(app, admin.accessToken, club, 'MEMBER', name);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, { name: 'Club sûr', kind: 'ASSOCIATION', parentId: fed });
    [alice, bob, fuzzer] = await Promise.all(['Alice Sécurité', 'Bruno Sécurité', 'Fuzz Testeur'].map(person));
    group = await createGroup(app, alice.accessToken, { organizationId: club, name: 'Atelier', visibility: 'PUBLIC' });
    await Promise.all([bob, fuzzer].map((who) => joinGroup(app, who.accessToken, group)));
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await app?.close();
  });

  describe('query attacks are refused before execution', () => {
    const parents = (n: number) => `${'parent { '.repeat(n)}id${' }'.repeat(n)}`;
    const attacks: [string, string, RegExp][] = [
      ['depth 12', `{ me { memberships { organization { ${parents(8)} } } } }`, /depth/i],
      [
        'depth in a fragment',
        `{ me { memberships { organization { ...F } } } } fragment F on Organization { ${parents(8)} }`,
        /depth/i,
      ],
      [
        'cost 100 × 100',
        '{ feed(first: 100) { edges { node { comments(first: 100) { edges { node { body } } } } } } }',
        /cost/i,
      ],
      ['16 aliases', `{ ${aliases(16, () => 'me { id }')} }`, /alias/i],
      ['6,000 tokens', `{ me { ${'id '.repeat(6_000)} } }`, /token/i],
    ];
    it.each(attacks)('refuses %s (a 4xx naming the limit)', async (_name, query, message) => {
      const res = await app.gql(query, {}, alice.accessToken);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.status).toBeLessThan(500);
    });

    it('accepts the same shapes within the limits (depth 10, 15 aliases)', async () => {
      expect((await as(alice, `{ me { memberships { organization { ${parents(6)} } } } }`)).errors).toBeUndefined();
      expect((await as(alice, `{ ${aliases(15, () => 'me { id }')} }`)).errors).toBeUndefined();
    });

    it('runs no resolver of an alias bomb: 16 createPost aliases create nothing; the server keeps serving', async () => {
      const tag = `alias-bomb-${randomBytes(4).toString('hex')}`;
      const bomb = aliases(16, (i) => `createPost(input: { groupId: "${group}", body: "${tag} ${i}" }) { id }`);
      const res = await as(alice, `mutation { ${bomb} }`);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.message).toMatch(/alias/i);
      expect(await app.sql('SELECT id FROM posts WHERE body LIKE $1', [`${tag}%`])).toEqual([]);
      expect((await me(alice.accessToken)).data?.me.id).toBe(alice.userId);
    });
  });

  describe('bad requests', () => {
    it('answers 413 to a body over 1 MB, 400 to malformed JSON, and keeps serving', async () => {
      const big = JSON.stringify({ query: ME, variables: { pad: 'x'.repeat(1_100_000) } });
      expect((await raw(big, auth(alice))).status).toBe(413);
      expect((await raw('{"query": "{ me { id } }"', auth(alice))).status).toBe(400);
      expect((await raw('\u0000\u00ff garbage')).status).toBe(400);
      expect((await me(alice.accessToken)).data?.me.id).toBe(alice.userId);
    });

    const malformed: [string, Record<string, unknown>][] = [
      ['a syntax error', { query: '{ me { id ' }],
      [
        'a variable of the wrong type',
        { query: 'query($f: Int!) { feed(first: $f) { totalCount } }', variables: { f: 'x' } },
      ],
      ['a missing variable', { query: 'query($id: ID!) { post(id: $id) { id } }', variables: {} }],
      ['an unknown operationName', { query: ME, operationName: 'Nope' }],
    ];
    it.each(malformed)('answers %s with a 400, never a 500 or INTERNAL_SERVER_ERROR', async (_name, body) => {
      const res = await raw(JSON.stringify(body), auth(alice));
      const text = await res.text();
      expect({ status: res.status, text }).toEqual({ status: 400, text: expect.not.stringContaining('INTERNAL') });
    });

    it('refuses an HTTP batch (a JSON array of operations)', async () => {
      const res = await raw(JSON.stringify([{ query: ME }, { query: ME }]), auth(alice));
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain(alice.userId);
    });

    it('refuses CSRF-shaped requests (simple content types, GET without preflight header); nothing changes', async () => {
      const marker = `csrf-${randomBytes(4).toString('hex')}`;
      const body = JSON.stringify({ query: `mutation { updateProfile(input: { bio: "${marker}" }) { id } }` });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await raw(body, { ...auth(alice), 'content-type': type });
        expect({ type, status: res.status }).toEqual({ type, status: 400 });
      }
      const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent(ME)}`, { headers: auth(alice) });
      expect(get.status).toBe(400);
      expect(await app.sql('SELECT id FROM users WHERE bio = $1', [marker])).toEqual([]);
    });

    it('sends helmet’s security headers and no x-powered-by', async () => {
      for (const res of [await raw(JSON.stringify({ query: ME })), await fetch(`${app.url}/health/live`)]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
    });
  });

  describe('bad tokens, on GraphQL and on sockets', () => {
    it('refuses forged, alg:none, expired, refresh-typed and tampered tokens (UNAUTHENTICATED)', async () => {
      for (const [name, token] of badTokens(alice.accessToken, alice.refreshToken, app.env.JWT_SECRET)) {
        expect({ name, codes: codesOf(await me(token)) }).toEqual({ name, codes: ['UNAUTHENTICATED'] });
        expect({ name, socket: await connectError(app.url, { token }) }).toEqual({ name, socket: 'UNAUTHENTICATED' });
      }
      expect(await connectError(app.url)).toBe('UNAUTHENTICATED');
      expect(await connectError(app.url, { token: 12345 })).toBe('UNAUTHENTICATED');
      (await connectSocket(app.url, alice.accessToken)).close(); // control
    });

    /** The session's access and refresh tokens are refused, its socket is cut, and it cannot reconnect. */
    async function expectDead(session: Session, socket: TestSocket) {
      expect(codesOf(await me(session.accessToken))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await app.gql(REFRESH, { r: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      await socket.disconnectedWithin(5_000);
      expect(await connectError(app.url, { token: session.accessToken })).toBe('UNAUTHENTICATED');
    }

    it('refuses a session’s tokens after logout', async () => {
      const session = await login(app, bob.email, bob.password);
      const socket = await connectSocket(app.url, session.accessToken);
      expect(
        ok(await as(session, 'mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken })),
      ).toEqual({ logout: true });
      await expectDead(session, socket);
      expect((await me(bob.accessToken)).data?.me.id).toBe(bob.userId); // bob's other device
    });

    it('refuses the OTHER sessions’ tokens after changePassword, not the current one', async () => {
      const carol = await person('Carole Motdepasse');
      const other = await login(app, carol.email, carol.password);
      const socket = await connectSocket(app.url, other.accessToken);
      const change = 'mutation($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) }';
      expect(ok(await as(carol, change, { a: carol.password, b: 'un-tout-nouveau-mot-de-passe' }))).toEqual({
        changePassword: true,
      });
      await expectDead(other, socket);
      expect((await me(carol.accessToken)).data?.me.id).toBe(carol.userId);
      (await connectSocket(app.url, carol.accessToken)).close();
    });

    it('refuses every token of a deactivated person', async () => {
      const dave = await person('David Désactivé');
      const socket = await connectSocket(app.url, dave.accessToken);
      const res = await as(admin, 'mutation($u: ID!) { deactivateUser(userId: $u) }', { u: dave.userId });
      expect(ok(res)).toEqual({ deactivateUser: true });
      await expectDead(dave, socket);
    });
  });

  describe('injection-shaped text is stored and returned literally', () => {
    const texts = NASTY_STRINGS.slice(0, 7);

    it('in posts, a profile bio and group names', async () => {
      for (const text of texts) {
        const created = ok(await as(alice, CREATE_POST, { input: { groupId: group, body: text } })).createPost;
        expect(created.body).toBe(text);
        const read = await as(bob, 'query($id: ID!) { post(id: $id) { body } }', { id: created.id });
        expect(read.data?.post.body).toBe(text);
        expect(await app.sql('SELECT body FROM posts WHERE id = $1', [created.id])).toEqual([{ body: text }]);
        const named = await as(alice, CREATE_GROUP, {
          input: { organizationId: club, name: text, visibility: 'PUBLIC' },
        });
        expect(ok(named).createGroup.name).toBe(text);
      }
      const bio = texts.join(' | ');
      ok(await as(alice, UPDATE_PROFILE, { input: { bio } }));
      const seen = await as(bob, 'query($id: ID!) { user(id: $id) { bio } }', { id: alice.userId });
      expect(seen.data?.user.bio).toBe(bio);
      expect(await app.sql('SELECT bio FROM users WHERE id = $1', [alice.userId])).toEqual([{ bio }]);
    });

    it('in searches, which answer without error and escape what they show', async () => {
      for (const text of texts) {
        const res = await searchRaw(app, bob.accessToken, text);
        expect({ text, errors: res.errors }).toEqual({ text, errors: undefined });
        const lists = 'query($s: String) { people(search: $s) { totalCount } groups(search: $s) { totalCount } }';
        expect({ text, errors: (await as(bob, lists, { s: text })).errors }).toEqual({ text, errors: undefined });
      }
      const snippet = await eventually(async () => {
        const hit = (await searchRaw(app, bob.accessToken, 'onerror', { types: ['POST'] })).data?.search.hits[0];
        expect(hit).toBeDefined();
        return hit!.snippet;
      });
      expect(snippet).not.toMatch(/<img|<script/);
      expect(snippet).toContain('&lt;img');
    });

    it('never answers INTERNAL_SERVER_ERROR to a NUL character in text: refused, or stored without it', async () => {
      const nul = 'avant\u0000après';
      for (const [query, input] of [
        [CREATE_POST, { groupId: group, body: nul }],
        [UPDATE_PROFILE, { bio: nul }],
      ] as const) {
        const res = await as(alice, query, { input });
        expect({ query, codes: codesOf(res).filter((c) => c !== 'BAD_USER_INPUT') }).toEqual({ query, codes: [] });
      }
    });
  });

  describe('fuzzing', () => {
    let conversation: string;
    let pool: string[];
    beforeAll(async () => {
      conversation = (await startConversation(app, fuzzer.accessToken, [bob.userId])).id;
      const message = await sendMessage(app, bob.accessToken, conversation, 'Bonjour');
      const post = await createPost(app, alice.accessToken, group, 'Une publication à commenter');
      pool = [group, post, conversation, message.id, club, fuzzer.userId, bob.userId];
    });

    it('answers 1,000 malformed GraphQL requests without a 500 or INTERNAL_SERVER_ERROR', async () => {
      const r = prng(20_251_125);
      const cases = range(1_000).map(() => ({
        body: malformedRequest(r, pool),
        headers: r.chance(0.7) ? auth(fuzzer) : ({} as Record<string, string>),
      }));
      const failures = await fuzzGraphQL(app.url, cases, app.server.output);
      expect((await me(fuzzer.accessToken)).data?.me.id).toBe(fuzzer.userId); // it survived; then, what it answered
      expect(app.server.child.exitCode).toBeNull();
      expect(failures.kinds).toEqual({});
    }, 120_000);

    it('answers 1,000 malformed socket payloads without INTERNAL_SERVER_ERROR; the sockets stay connected', async () => {
      const expired = jwt.sign({ sub: fuzzer.userId, sid: pool[0], typ: 'access', exp: 1 }, app.env.JWT_SECRET);
      const cases = socketCases(prng(4_242), [...pool, fuzzer.accessToken, bob.accessToken, expired], 1_000);
      const sockets = await Promise.all(range(4).map(() => connectSocket(app.url, fuzzer.accessToken)));
      const failures = await fuzzSockets(
        sockets.map((s) => s.socket),
        cases,
        app.server.output,
      );
      expect(sockets.map((s) => s.connected)).toEqual([true, true, true, true]);
      expect((await sendOverSocket(sockets[0], conversation, 'Toujours là')).body).toBe('Toujours là');
      expect((await me(fuzzer.accessToken)).data?.me.id).toBe(fuzzer.userId);
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      expect(app.server.child.exitCode).toBeNull();
      for (const socket of sockets) socket.close();
      expect(failures.kinds).toEqual({});
    }, 120_000);
  });

  describe('rate limits at their real values (RATE_LIMIT_SCALE 1, 3 login failures per account and IP)', () => {
    let strict: TestApp;
    let boss: Session, one: Session, two: Session;
    let board: string;
    beforeAll(async () => {
      strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '3', RATE_LIMIT_SCALE: '1' });
      boss = await loginAdmin(strict);
      const fed = await federationId(strict, boss.accessToken);
      one = await newMember(strict, boss.accessToken, fed, 'MEMBER', 'Un Limité');
      two = await newMember(strict, boss.accessToken, fed, 'MEMBER', 'Deux Limité');
      board = await createGroup(strict, boss.accessToken, {
        organizationId: fed,
        name: 'Tableau',
        visibility: 'PUBLIC',
      });
    }, 120_000);
    afterAll(() => strict?.close());
    const attempt = (email: string, password: string) => strict.gql(LOGIN, { e: email, p: password });

    it('limits login failures per account and IP: the 4th attempt from there is RATE_LIMITED, even with the right password', async () => {
      for (const n of [1, 2, 3]) expect(codesOf(await attempt(one.email, `wrong-${n}`))).toEqual(['UNAUTHENTICATED']);
      const fourth = await attempt(one.email, 'wrong-4');
      expect(codesOf(fourth)).toEqual(['RATE_LIMITED']);
      expectRateLimited(fourth, 15 * 60);
      expect(codesOf(await attempt(one.email, one.password))).toEqual(['RATE_LIMITED']);
      expect((await login(strict, two.email, two.password)).userId).toBe(two.userId); // another account: not locked
    });

    it('counts login aliases one by one: aliases never buy more than 3 password checks', async () => {
      const bomb = `mutation { ${aliases(10, (i) => `login(email: "${two.email}", password: "wrong-${i}") { accessToken }`)} }`;
      const codes: (string | undefined)[] = [];
      let last = await strict.gql(bomb);
      codes.push(...codesOf(last));
      for (let n = 0; n < 3; n++) codes.push(...codesOf((last = await strict.gql(bomb))));
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
      expect(codesOf(last)).toContain('RATE_LIMITED');
      expectRateLimited(last, 15 * 60);
      expect(codesOf(await attempt(two.email, two.password))).toEqual(['RATE_LIMITED']);
    });

    it('limits createPost to 30 a minute (RATE_LIMITED with retryAfter); nothing is stored beyond', async () => {
      const post = (body: string) => strict.gql(CREATE_POST, { input: { groupId: board, body } }, boss.accessToken);
      for (let i = 0; i < 30; i++) ok(await post(`Limite ${i}`));
      const refused = await post('De trop');
      expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
      expectRateLimited(refused, 60);
      expect(await strict.sql("SELECT id FROM posts WHERE body = 'De trop'")).toEqual([]);
    });

    it('limits search to 120 a minute, each alias counting', async () => {
      const fifteen = `{ ${aliases(15, (i) => `search(query: "limite ${i}", first: 5) { estimatedTotal }`)} }`;
      for (let n = 0; n < 8; n++) expect((await strict.gql(fifteen, {}, boss.accessToken)).errors).toBeUndefined();
      const refused = await searchRaw(strict, boss.accessToken, 'limite');
      expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
      expectRateLimited(refused, 60);
      expect((await searchRaw(strict, one.accessToken, 'limite')).errors).toBeUndefined(); // limits are per user
    });
  });
});
