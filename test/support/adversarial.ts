import { randomBytes } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import type { Socket } from 'socket.io-client';
import { GraphQLErrorShape, GraphQLResponse } from './graphql-client';

/**
 * Material for adversarial specs: a seeded PRNG (the same seed gives the same 1,000 cases, so a
 * failure can be replayed), generators of malformed GraphQL requests and socket payloads, and
 * bearer tokens that must be refused.
 */

/** mulberry32: small, fast, good enough to pick cases. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const chance = (p: number) => next() < p;
  const chars = (length: number, alphabet?: string) => {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += alphabet ? alphabet[int(alphabet.length)] : String.fromCharCode(chance(0.8) ? int(128) : int(0x10000));
    }
    return out;
  };
  return { next, int, pick, chance, chars };
}
export type Prng = ReturnType<typeof prng>;

/** Strings that have broken servers: SQL, markup, templates, control characters, lone surrogates, long ones. */
export const NASTY_STRINGS = [
  "'; DROP TABLE users; --",
  "Robert'); DELETE FROM posts WHERE ('1'='1",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7} {{7*7}} #{7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  'a\u0000b',
  '\ud800',
  '\u202e\u0301\ufeff',
  '   ',
  '',
  'é'.repeat(5000),
  'x'.repeat(25_000),
];

const GQL_ALPHABET = '{}()[]:$!@#"\\.,=|&_-\n\t azAZ09 query mutation fragment on ... __typename me feed';

/** Well-formed operations, to truncate, corrupt and feed wrong variables to. */
const TEMPLATES = [
  '{ me { id displayName email memberships { role organization { name } } } }',
  'query($first: Int!, $after: String) { feed(first: $first, after: $after) { edges { node { id body author { displayName } } } pageInfo { endCursor } } }',
  'query($q: String!, $types: [SearchType!], $first: Int!, $offset: Int!) { search(query: $q, types: $types, first: $first, offset: $offset) { hits { id snippet } } }',
  'query($id: ID!) { post(id: $id) { id body comments(first: 5) { edges { node { body } } } } }',
  'query($id: ID!) { question(id: $id) { title answers(first: 3, orderBy: VOTES) { edges { node { body } } } } }',
  'query($c: ID!, $after: String) { messages(conversationId: $c, after: $after) { edges { node { body } } } }',
  'query($s: String, $skill: String) { people(search: $s, skill: $skill) { edges { node { id email phone } } } }',
  'mutation($input: CreatePostInput!) { createPost(input: $input) { id body } }',
  'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
  'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
  'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { bio } }',
  'mutation($id: ID!, $v: Int!) { voteAnswer(answerId: $id, value: $v) { score } }',
  'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
  'mutation($p: String!) { deleteMyAccount(password: $p) }',
  'mutation($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) }',
  'query { similarQuestions(text: "licence", first: 3) { id } exportMyData }',
];

/** A random JSON-ish value: the "wrong type" for whatever it is given to. */
export function randomValue(r: Prng, pool: string[] = [], depth = 0): unknown {
  switch (r.int(depth > 3 ? 8 : 11)) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, Number.MIN_VALUE]);
    case 2:
      return r.chance(0.5);
    case 3:
      return r.pick(NASTY_STRINGS);
    case 4:
      return r.chars(r.int(60));
    case 5:
    case 6:
      return pool.length ? r.pick(pool) : r.chars(36, '0123456789abcdef-');
    case 7:
      return r.pick(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '99999999999999999999999', '-1']);
    case 8:
      return Array.from({ length: r.int(5) }, () => randomValue(r, pool, depth + 1));
    case 9: {
      const keys = [
        'groupId',
        'postId',
        'body',
        'conversationId',
        'clientId',
        'bio',
        'first',
        '__proto__',
        'constructor',
      ];
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [r.pick(keys), randomValue(r, pool, depth + 1)]),
      );
    }
    default:
      return nested(r.pick(['[', '{"a":']), 10 + r.int(1_500), r.chance(0.5));
  }
}

/** `depth` levels of `open`, closed or not; parsed as JSON, so a nested value (or garbage text). */
function nested(open: string, depth: number, close: boolean): unknown {
  const shut = open === '[' ? ']' : '}';
  const text = `${open.repeat(depth)}1${close ? shut.repeat(depth) : ''}`;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function corrupt(r: Prng, text: string): string {
  let out = text;
  for (let n = 1 + r.int(4); n > 0; n--) {
    const at = r.int(out.length + 1);
    const edit = r.int(3);
    if (edit === 0) out = out.slice(0, at) + out.slice(at + 1);
    else if (edit === 1) out = out.slice(0, at) + r.chars(1 + r.int(3), GQL_ALPHABET) + out.slice(at);
    else out = out.slice(0, at) + r.chars(1) + out.slice(at + 1);
  }
  return out;
}

/** The raw body of one malformed GraphQL request (a JSON text, or not even that). */
export function malformedRequest(r: Prng, pool: string[]): string {
  const template = r.pick(TEMPLATES);
  const variables = () =>
    Object.fromEntries(
      ['first', 'after', 'q', 'types', 'offset', 'id', 'c', 's', 'skill', 'input', 'v', 'ids', 'p', 'a', 'b'].map(
        (name) => [name, randomValue(r, pool)],
      ),
    );
  const body = (query: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });
  switch (r.int(10)) {
    case 0: // random characters
      return body(r.chars(r.int(400)));
    case 1: // random characters from GraphQL's own alphabet
      return body(r.chars(r.int(400), GQL_ALPHABET));
    case 2: // truncated
      return body(template.slice(0, r.int(template.length)), { variables: variables() });
    case 3: // corrupted
      return body(corrupt(r, template), { variables: variables() });
    case 4:
    case 5: // well-formed, with variables of the wrong types and nasty values
      return body(template, { variables: variables() });
    case 6: // huge or absurd numbers inline
      return body(
        `{ feed(first: ${r.pick(['99999999999999999999999', '-1', '0', '1.5', '1e400', '2147483647', 'null', '"20"'])}) { edges { cursor } } search(query: "x", first: 5, offset: ${r.pick(['2147483647', '-5', '1e9'])}) { estimatedTotal } }`,
      );
    case 7: {
      // deeply nested garbage
      const depth = 50 + r.int(r.chance(0.2) ? 150_000 : 5_000);
      return body(
        r.pick([
          `{ me ${'{ id '.repeat(depth)}${'}'.repeat(depth)} }`,
          `{ ${'feed { edges { node { '.repeat(depth)}`,
          `query { a${'(b: {c: ['.repeat(depth)}`,
          `${'{'.repeat(depth)}`,
          `{ me { ...${'F'.repeat(depth)} } }`,
          `query($v: ${'['.repeat(depth)}String${']'.repeat(depth)}) { me { id } }`,
        ]),
      );
    }
    case 8: // a request that is not a GraphQL request
      return r.pick([
        body(123),
        body(null),
        body(['{ me { id } }']),
        body({ query: '{ me { id } }' }),
        JSON.stringify({ query: '{ me { id } }', variables: 'x', operationName: 5 }),
        JSON.stringify({ query: template, operationName: r.chars(20) }),
        JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: r.chars(64, '0123456789abcdef') } } }),
        JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery: { version: 9, sha256Hash: 'x' } } }),
        '{"__proto__": {"query": "{ me { id } }"}, "constructor": {"prototype": {"admin": true}}}',
        '{"query": "{ me { id } }"',
        r.chars(r.int(200)),
        'null',
        '[]',
        '"{ me { id } }"',
      ]);
    default: // a document with many operations or fragments that go nowhere
      return body(
        `${Array.from({ length: 1 + r.int(30) }, (_, i) => `query Q${i % 7} { me { id } }`).join(' ')} fragment F on User { ...F }`,
        { operationName: r.pick(['Q1', 'Q9', null, 3]) },
      );
  }
}

/** Socket events (README, "Real time") and a few others a client has no business sending. */
export const SOCKET_EVENTS = ['message:send', 'typing', 'conversation:read', 'auth:refresh'] as const;

/** One random socket payload, for `event`. */
export function socketPayload(r: Prng, pool: string[]): unknown {
  if (r.chance(0.5)) return randomValue(r, pool);
  const field = () => (r.chance(0.5) ? r.pick(pool) : randomValue(r, pool));
  return {
    conversationId: field(),
    body: r.chance(0.3) ? r.chars(r.int(6_000)) : field(),
    clientId: r.chance(0.3) ? r.chars(1 + r.int(80), 'abcXYZ019_-!/ ') : field(),
    messageId: field(),
    token: field(),
    ...(r.chance(0.1) ? JSON.parse('{"__proto__": {"ok": true, "userId": "x"}}') : {}),
  };
}

/** Codes of every error of a GraphQL response. */
export const codesOf = (res: { errors?: GraphQLErrorShape[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

/** The data of a call that must succeed (its errors are thrown otherwise). */
export function ok<T>(res: GraphQLResponse<T>, what = 'call'): T {
  if (res.errors?.length || !res.data) throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Tokens that must never authenticate, made from a real access token, a real refresh token and the secret. */
export function badTokens(accessToken: string, refreshToken: string, secret: string): [string, string][] {
  const claims = jwt.decode(accessToken) as { sub: string; sid: string };
  const now = Math.floor(Date.now() / 1000);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { sub: claims.sub, sid: claims.sid, typ: 'access' };
  return [
    ['forged (another secret)', jwt.sign({ ...payload, exp: now + 300 }, randomBytes(32).toString('hex'))],
    ['alg: none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...payload, exp: now + 300 })}.`],
    ['expired', jwt.sign({ ...payload, iat: now - 3600, exp: now - 60 }, secret)],
    ['a refresh token', refreshToken],
    ['typ: refresh', jwt.sign({ ...payload, typ: 'refresh', exp: now + 300 }, secret)],
    ['tampered signature', `${accessToken.slice(0, -6)}AAAAAA`],
  ];
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Runs `task` for 0..n-1, `width` at a time. */
export async function inParallel(n: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    range(width).map(async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** Failures grouped by kind, with a count and the first example of each: a readable fuzzing report. */
export class Tally {
  readonly kinds: Record<string, { count: number; example: string }> = {};
  add(kind: string, example: string): void {
    (this.kinds[kind] ??= { count: 0, example }).count++;
  }
}

/** What the server logged for each request it answered with an internal error: request id → cause. */
export function internalCauses(output: string): Map<string, string> {
  const causes = new Map<string, string>();
  for (const line of output.split('\n')) {
    if (!line.includes('"level":50') || !line.includes('"err"')) continue;
    try {
      const entry = JSON.parse(line) as { req?: { id?: string }; err?: { message?: string } };
      const cause = (entry.err?.message ?? '').replace(/"[^"]*"/g, '"…"').replace(/(value|code) .*/, '$1 …');
      if (entry.req?.id && !cause.startsWith('failed with status code')) causes.set(entry.req.id, cause.slice(0, 90));
    } catch {
      // not a log line of ours
    }
  }
  return causes;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts each raw body to /graphql, 8 at a time. A 5xx or an INTERNAL_SERVER_ERROR is a failure,
 * tallied by status, code and message, with the cause the server logged for that request id.
 */
export async function fuzzGraphQL(
  url: string,
  cases: { body: string; headers: Record<string, string> }[],
  serverOutput: () => string,
): Promise<Tally> {
  const bad: { i: number; status: number; text: string; id: string }[] = [];
  const logFrom = serverOutput().length;
  await inParallel(cases.length, 8, async (i) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...cases[i].headers },
      body: cases[i].body,
    });
    const text = await res.text();
    if (res.status >= 500 || text.includes('INTERNAL_SERVER_ERROR'))
      bad.push({ i, status: res.status, text, id: res.headers.get('x-request-id') ?? '' });
  });
  await pause(500); // the server's log lines, to name each internal error's cause
  const causes = internalCauses(serverOutput().slice(logFrom));
  const tally = new Tally();
  for (const { i, status, text, id } of bad.sort((x, y) => x.i - y.i)) {
    let first: GraphQLErrorShape | undefined;
    try {
      first = (JSON.parse(text) as { errors?: GraphQLErrorShape[] }).errors?.[0];
    } catch {
      first = { message: text.slice(0, 40) };
    }
    const kind = `HTTP ${status} ${first?.extensions?.code} "${first?.message.split(/[:.]/)[0]}"`;
    tally.add(causes.has(id) ? `${kind} ← ${causes.get(id)}` : kind, `#${i} ${cases[i].body.slice(0, 150)}`);
  }
  return tally;
}

export interface SocketCase {
  event: string;
  payload: unknown;
  /** ack: with an acknowledgement callback; emit: without; bare: no payload; extra: two arguments. */
  mode: 'ack' | 'emit' | 'bare' | 'extra';
}

/** `n` random emits: mostly the client events (message:send, typing, conversation:read), payloads under the 64 KB packet limit. */
export function socketCases(r: Prng, values: string[], n: number): SocketCase[] {
  return range(n).map(() => {
    let payload = socketPayload(r, values);
    while (JSON.stringify(payload ?? null).length > 60_000) payload = socketPayload(r, values);
    if (r.chance(0.03)) payload = Buffer.from(r.chars(200));
    const known = r.chance(0.9);
    const event = known ? r.pick(SOCKET_EVENTS) : r.pick(['join', 'message:new', 'hasOwnProperty', '__proto__']);
    const mode = r.pick(['ack', 'ack', 'ack', 'emit', 'bare', 'extra'] as const);
    return { event, payload, mode: !known && mode === 'ack' ? 'emit' : mode };
  });
}

/**
 * Emits every case, 16 at a time over the sockets. Each acknowledged emit must be answered within
 * 5 s with `{ ok: true }` or a refusal that is not INTERNAL_SERVER_ERROR; a handler failure the
 * server logs counts too (for emits without acknowledgement).
 */
export async function fuzzSockets(sockets: Socket[], cases: SocketCase[], serverOutput: () => string): Promise<Tally> {
  const tally = new Tally();
  const logFrom = serverOutput().length;
  await inParallel(cases.length, 16, async (i) => {
    const { event, payload, mode } = cases[i];
    const socket = sockets[i % sockets.length];
    if (mode === 'bare') socket.emit(event);
    else if (mode === 'extra') socket.emit(event, payload, 'extra', () => undefined);
    else if (mode === 'emit') socket.emit(event, payload);
    else {
      const ack = (await socket
        .timeout(5_000)
        .emitWithAck(event, payload)
        .catch(() => ({ ok: 'no acknowledgement within 5 s' }))) as { ok: unknown; error?: { code: string } };
      const example = `#${i} ${JSON.stringify(payload ?? null).slice(0, 150)}`;
      if (typeof ack?.ok !== 'boolean') tally.add(`${event}: ${JSON.stringify(ack?.ok)}`, example);
      else if (ack.error?.code === 'INTERNAL_SERVER_ERROR') tally.add(`${event}: INTERNAL_SERVER_ERROR`, example);
    }
  });
  await pause(1_000);
  for (const line of serverOutput().slice(logFrom).split('\n')) {
    if (line.includes('socket handler failed'))
      tally.add(`logged: socket handler failed: ${line.replace(/.*?"message":"([^"]{0,80}).*/, '$1')}`, '');
  }
  return tally;
}

/** `n` aliases of one field: `a0: field a1: field …`. */
export const aliases = (n: number, field: (i: number) => string) =>
  range(n)
    .map((i) => `a${i}: ${field(i)}`)
    .join(' ');

/** The response carries a RATE_LIMITED error whose retryAfter is in 1..max seconds. */
export function expectRateLimited(res: { errors?: GraphQLErrorShape[] }, max: number): void {
  const limited = res.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
  expect(limited?.extensions?.retryAfter).toBeGreaterThan(0);
  expect(limited?.extensions?.retryAfter).toBeLessThanOrEqual(max);
}
