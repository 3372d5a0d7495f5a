import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { aliases, codesOf, ok } from '../support/adversarial';
import { newClientId, SEND, startConversation } from '../support/conversations';
import { eventually } from '../support/eventually';
import { createGroup } from '../support/group-fixtures';
import { federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { closeAllSockets } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HTTP as an attacker sees it: refusals of the body parser carry the security headers and a fixed
 * message (issue 18.6); invisible text and `__typename` aliases (18.7); plain HTTP routes behind the
 * same authentication as GraphQL, and one origin rule for CORS and sockets (19.4); request logs (17.4).
 */
const ME = '{ me { id } }';
const CREATE_POST = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }';

/** The headers helmet sets on every answer, whatever answered. */
function expectHardened(res: Response, what: string, csp: boolean) {
  const headers = {
    what,
    poweredBy: res.headers.get('x-powered-by'),
    nosniff: res.headers.get('x-content-type-options'),
    hsts: /max-age=\d+/.test(res.headers.get('strict-transport-security') ?? ''),
    frame: res.headers.get('x-frame-options'),
    csp: res.headers.get('content-security-policy') !== null,
  };
  expect(headers).toEqual({ what, poweredBy: null, nosniff: 'nosniff', hsts: true, frame: 'SAMEORIGIN', csp });
}

/** Requests the body parser refuses, with a marker that must never come back. */
function parserAttacks(url: string, marker: string): [string, () => Promise<Response>, number][] {
  const post = (body: string, type: string) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
  return [
    ['malformed JSON', () => post(`{"query": "${marker}`, 'application/json'), 400],
    [
      'a UTF-16 charset on UTF-8 bytes',
      () => post(`{"query":"{ me { id } }","x":"${marker}"}`, 'application/json; charset=utf-16'),
      415,
    ],
    [
      'a body over 1 MB',
      () => post(JSON.stringify({ query: marker, pad: 'x'.repeat(1_100_000) }), 'application/json'),
      413,
    ],
  ];
}

describe('HTTP hardening (development-like: readable logs)', () => {
  let app: TestApp;
  let admin: Session, member: Session;
  let group: string;

  beforeAll(async () => {
    app = await startTestApp({ LOG_FORMAT: 'pretty' });
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    member = await newMember(app, admin.accessToken, fed, 'MEMBER', 'Membre Curieux');
    group = await createGroup(app, member.accessToken, {
      organizationId: fed,
      name: 'Atelier HTTP',
      visibility: 'PUBLIC',
    });
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await app?.close();
  });

  it('answers the body parser’s refusals with helmet’s headers, a fixed message and nothing of the body', async () => {
    const marker = `secret-${randomBytes(4).toString('hex')}`;
    for (const [what, send, status] of parserAttacks(app.url, marker)) {
      const res = await send();
      expect({ what, status: res.status }).toEqual({ what, status });
      expectHardened(res, what, false); // the CSP is off outside production (the sandbox page needs it)
      const text = await res.text();
      expect({ what, echoed: text.includes(marker) || /Unexpected|position|token/i.test(text) }).toEqual({
        what,
        echoed: false,
      });
      expect(JSON.parse(text)).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await app.gql(ME, {}, member.accessToken)).data).toEqual({ me: { id: member.userId } });
  });

  it('refuses text made only of zero-width characters, in posts and in messages', async () => {
    for (const body of ['\u200B\u200B', '\u200C\u200D\u2060', '\uFEFF \u200B', '\u3164']) {
      const post = await app.gql(CREATE_POST, { input: { groupId: group, body } }, member.accessToken);
      expect({ body, codes: codesOf(post), fields: post.errors?.[0]?.extensions?.fields }).toEqual({
        body,
        codes: ['BAD_USER_INPUT'],
        fields: ['body'],
      });
    }
    const conversation = (await startConversation(app, member.accessToken, [admin.userId])).id;
    const sent = await app.gql(
      SEND,
      { input: { conversationId: conversation, body: '\u200B', clientId: newClientId() } },
      member.accessToken,
    );
    expect(codesOf(sent)).toEqual(['BAD_USER_INPUT']);
    ok(await app.gql(CREATE_POST, { input: { groupId: group, body: '\u200Bbonjour' } }, member.accessToken));
  });

  it('counts every alias against the 15, `__typename` ones included', async () => {
    const sixteen = await app.gql(`{ ${aliases(16, () => '__typename')} }`, {}, member.accessToken);
    expect(sixteen.data ?? null).toBeNull();
    expect(sixteen.errors?.[0]?.message).toMatch(/alias/i);
    expect((await app.gql(`{ ${aliases(15, () => '__typename')} }`, {}, member.accessToken)).errors).toBeUndefined();
  });

  it('serves plain HTTP routes to the bearer of a live session only (GET /me/export.json)', async () => {
    const get = (token?: string) =>
      fetch(`${app.url}/me/export.json`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    for (const [what, token] of [
      ['no token', undefined],
      ['garbage', 'not-a-token'],
      ['a refresh token', member.refreshToken],
    ] as const) {
      const res = await get(token);
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED', message: expect.any(String) },
      });
      expectHardened(res, what, false);
    }
    const res = await get(member.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="maillage-mes-donnees-/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = (await res.json()) as { profile: { id: string; email: string } };
    expect(data.profile).toEqual(expect.objectContaining({ id: member.userId, email: member.email }));

    // A session that ended: its access token opens nothing, over HTTP as over GraphQL.
    const other = await login(app, member.email, member.password);
    ok(
      await app.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: other.refreshToken }, other.accessToken),
    );
    expect((await get(other.accessToken)).status).toBe(401);
  });

  it('logs one readable line per request in development: the request line, status and time, no headers', async () => {
    await fetch(`${app.url}/health/live`, { headers: { cookie: 'maillage_refresh=secret-cookie' } });
    const line = await eventually(async () => {
      const found = app.server
        .output()
        .split('\n')
        .find((l) => l.includes('GET /health/live 200'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(line).toMatch(/^\[?[\d:.]+\]? INFO.*GET \/health\/live 200 \d+ ms/);
    expect(line).not.toMatch(/^\{/);
    expect(app.server.output()).not.toMatch(/secret-cookie|x-content-type-options|content-length/i);
  });
});

describe('HTTP hardening in production: the CSP, one origin rule, JSON logs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', CORS_ORIGINS: 'https://partenaire.example' });
  }, 120_000);
  afterAll(() => app?.close());

  it('puts the CSP on the body parser’s refusals too', async () => {
    for (const [what, send] of parserAttacks(app.url, 'x')) expectHardened(await send(), what, true);
  });

  it('applies the same origin rule to CORS and to socket handshakes: its own origin and the listed one, nobody else', async () => {
    const session = await loginAdmin(app);
    const own = app.url; // the served client calls back where it came from
    const handshake = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(app.url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { token: session.accessToken },
          extraHeaders: { origin },
        });
        socket.once('connect', () => (socket.disconnect(), resolve('connected')));
        socket.once('connect_error', () => (socket.disconnect(), resolve('refused')));
      });
    expect(await handshake(own)).toBe('connected');
    expect(await handshake('https://partenaire.example')).toBe('connected');
    expect(await handshake('https://pirate.example')).toBe('refused');

    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://partenaire.example')).headers.get('access-control-allow-origin')).toBe(
      'https://partenaire.example',
    );
    expect((await preflight('https://pirate.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps JSON request logs without response headers, with the path the client asked for', async () => {
    await fetch(`${app.url}/health/live`);
    await app.gql(ME);
    await eventually(() => expect(app.server.output()).toMatch(/"msg":"POST \/graphql 200 \d+ ms"/));
    const entries = await eventually(async () => {
      const found = app.server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes('GET /health/live'))
        .map((l) => JSON.parse(l) as { msg: string; res?: Record<string, unknown>; req?: Record<string, unknown> });
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    for (const entry of entries) {
      expect(entry.msg).toMatch(/^GET \/health\/live 200 \d+ ms$/);
      expect(entry.res).toEqual({ statusCode: 200 });
      expect(Object.keys(entry.req ?? {}).sort()).toEqual(['id', 'method', 'url']);
    }
  });
});
