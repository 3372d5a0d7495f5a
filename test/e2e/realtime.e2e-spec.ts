import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { messagesAfter, newClientId, sendMessage, startConversation } from '../support/conversations';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { RedisServer, startRedisServer } from '../support/redis-server';
import { addComment, createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { ServerProcess, startServerProcess } from '../support/server-process';
import {
  closeAllSockets,
  connectError,
  connectSocket,
  messagesIn as newIn,
  percentile,
  sendOverSocket as send,
  settle,
  TestSocket,
  WireMessage as Wire,
} from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/** Socket.io (README, "Real time": messages, typing, read positions, presence, notification:new) on two instances sharing PostgreSQL and Redis. */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const idsOf = (list: { id: string }[]) => list.map((m) => m.id);
const ME = '{ me { id } }';
const LOGOUT = 'mutation($r: String!) { logout(refreshToken: $r) }';
const GARBAGE = ['garbage', '4', '42[', '40{"token":', '6', '\u0000\uffff', '42["message:send",{"__proto__":1}]'];

describe('realtime on two instances (shared PostgreSQL and Redis)', () => {
  let app: TestApp;
  let other: ServerProcess;
  let A: string, B: string;
  let admin: Session;
  let club: string;
  let alice: Session, bob: Session, carol: Session, dave: Session, eve: Session, pia: Session, paul: Session;
  let aliceA: TestSocket, aliceB: TestSocket, bobA: TestSocket, bobB: TestSocket, eveA: TestSocket, eveB: TestSocket;
  let direct: string;

  const person = (name: string) => newMember(app, admin.accessToken, club, 'MEMBER', name);
  const on = (url: string, who: Session) => connectSocket(url, who.accessToken);

  beforeAll(async () => {
    app = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379' });
    other = await startServerProcess(app.env);
    [A, B] = [app.url, other.url];
    admin = await loginAdmin(app);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club temps réel',
      kind: 'ASSOCIATION',
      parentId: await federationId(app, admin.accessToken),
    });
    [alice, bob, carol, dave, eve, pia, paul] = await Promise.all(
      ['Alice', 'Bruno', 'Carole', 'David', 'Ève', 'Pia', 'Paul'].map(person),
    );
    [aliceA, aliceB, bobA, bobB, eveA, eveB] = await Promise.all(
      [alice, bob, eve].flatMap((who) => [on(A, who), on(B, who)]),
    );
    direct = (await startConversation(app, alice.accessToken, [bob.userId])).id;
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await other?.stop();
    await app?.close();
  });

  describe('messages', () => {
    it('reaches every socket of the recipient and the sender’s other device, on both instances; nobody else', async () => {
      const sent = await send(aliceA, direct, 'Bonjour Bruno');
      expect(sent).toMatchObject({ conversationId: direct, body: 'Bonjour Bruno', seq: 1 });
      for (const socket of [bobA, bobB, aliceB]) {
        const { payload } = await socket.next<Wire>('message:new', (m) => m.id === sent.id);
        expect(payload).toMatchObject({ ...sent });
      }
      await settle();
      expect([...eveA.received, ...eveB.received]).toEqual([]);
    });

    it('is idempotent: the same clientId acks the same message and is never delivered twice', async () => {
      const clientId = newClientId();
      const first = await send(aliceA, direct, 'Une seule fois', clientId);
      expect(await send(aliceA, direct, 'Une seule fois', clientId)).toEqual(first);
      expect(await send(aliceB, direct, 'Autre appareil, même id', clientId)).toEqual(first);
      await bobB.next<Wire>('message:new', (m) => m.id === first.id);
      await settle();
      for (const socket of [bobA, bobB, aliceB])
        expect(socket.all<Wire>('message:new', (m) => m.clientId === clientId)).toHaveLength(1);
      const stored = await messagesAfter(app, bob.accessToken, direct);
      expect(stored.filter((m) => m.clientId === clientId)).toHaveLength(1);
    });

    it('gives every socket the same order for concurrent sends from two devices, with gap-free seq', async () => {
      const conversation = (await startConversation(app, alice.accessToken, [bob.userId], 'Ordre')).id;
      const sends: Promise<Wire>[] = [];
      for (let i = 0; i < 20; i++) sends.push(send(aliceA, conversation, `A${i}`), send(aliceB, conversation, `B${i}`));
      const acked = await Promise.all(sends);
      const bySeq = [...acked].sort((x, y) => x.seq - y.seq);
      expect(bySeq.map((m) => m.seq)).toEqual(range(1, 40));
      expect(idsOf(await messagesAfter(app, bob.accessToken, conversation))).toEqual(idsOf(bySeq));
      const watchers = { bobA, bobB, aliceA, aliceB };
      await eventually(() => Object.values(watchers).forEach((s) => expect(newIn(s, conversation)).toHaveLength(40)), {
        timeoutMs: 10_000,
      });
      // Each socket got exactly the 40 messages; compare the order in which they arrived (as seq, 1:1 with ids).
      const arrival = Object.fromEntries(
        Object.entries(watchers).map(([name, socket]) => [name, newIn(socket, conversation).map((m) => m.seq)]),
      );
      for (const socket of Object.values(watchers))
        expect(idsOf(newIn(socket, conversation)).sort()).toEqual(idsOf(acked).sort());
      expect(arrival).toEqual({ bobA: arrival.bobA, bobB: arrival.bobA, aliceA: arrival.bobA, aliceB: arrival.bobA });
      expect(arrival.bobA).toEqual(range(1, 40));
    }, 45_000);

    it('lets a reconnecting recipient catch up with messages(after:): no gap, no duplicate', async () => {
      const before = await on(B, bob);
      const first = await sendMessage(app, alice.accessToken, direct, 'Avant la coupure');
      const lastSeen = (await before.next<Wire>('message:new', (m) => m.id === first.id)).payload;
      before.close();
      const missed = [];
      for (let n = 1; n <= 5; n++) missed.push(await sendMessage(app, alice.accessToken, direct, `Pendant ${n}`));
      const after = await on(A, bob);
      const caught = await messagesAfter(app, bob.accessToken, direct, lastSeen.id, 2);
      expect(idsOf(caught)).toEqual(idsOf(missed));
      const live = await send(aliceB, direct, 'Après le retour');
      await after.next<Wire>('message:new', (m) => m.id === live.id);
      const history = idsOf(await messagesAfter(app, bob.accessToken, direct));
      const seen = idsOf([...newIn(before, direct), ...caught, ...newIn(after, direct)]);
      expect(seen).toEqual(history.slice(history.indexOf(first.id)));
      after.close();
    });

    it('fans GROUP messages out to every participant', async () => {
      const group = await startConversation(app, carol.accessToken, [alice.userId, bob.userId, dave.userId], 'Bureau');
      const [carolA, carolB, daveA] = await Promise.all([on(A, carol), on(B, carol), on(A, dave)]);
      const sent = await send(carolA, group.id, 'Réunion jeudi');
      await Promise.all(
        [aliceA, aliceB, bobA, bobB, carolB, daveA].map((s) => s.next<Wire>('message:new', (m) => m.id === sent.id)),
      );
      const viaGraphQL = await sendMessage(app, dave.accessToken, group.id, 'Par GraphQL');
      await Promise.all(
        [aliceB, bobA, carolA, carolB].map((s) => s.next<Wire>('message:new', (m) => m.id === viaGraphQL.id)),
      );
      await settle();
      expect([...eveA.received, ...eveB.received]).toEqual([]);
    });
  });

  describe('typing, read receipts, presence', () => {
    it('tells the other participants (not the sender) about typing and conversation:read', async () => {
      const conversation = (await startConversation(app, alice.accessToken, [bob.userId], 'Signaux')).id;
      const message = await sendMessage(app, alice.accessToken, conversation, 'Lu ?');
      expect(await bobA.ack('typing', { conversationId: conversation })).toEqual({ ok: true });
      for (const socket of [aliceA, aliceB])
        expect((await socket.next('typing')).payload).toEqual({ conversationId: conversation, userId: bob.userId });
      const read = { conversationId: conversation, messageId: message.id };
      expect(await bobB.ack('conversation:read', read)).toEqual({ ok: true });
      for (const socket of [aliceA, aliceB])
        expect((await socket.next('conversation:read')).payload).toEqual({ ...read, userId: bob.userId });
      await eveA.ack('typing', { conversationId: conversation }); // not a participant: told to nobody
      await settle();
      for (const socket of [bobA, bobB])
        expect(socket.all('typing').concat(socket.all('conversation:read'))).toEqual([]);
      expect(aliceA.all('typing')).toHaveLength(1);
      expect([...eveA.received, ...eveB.received]).toEqual([]);
    });

    it('tells a partner when someone comes online (first device) and goes offline (last device)', async () => {
      await startConversation(app, paul.accessToken, [pia.userId]);
      const paulA = await on(A, paul);
      const isPia = (p: { userId: string }) => p.userId === pia.userId;
      const piaB = await on(B, pia);
      expect((await paulA.next('presence', isPia)).payload).toEqual({ userId: pia.userId, online: true });
      const piaA = await on(A, pia);
      piaB.close();
      await settle(800);
      expect(paulA.all('presence', isPia)).toEqual([{ userId: pia.userId, online: true }]);
      piaA.close();
      await paulA.next<{ userId: string; online: boolean }>('presence', (p) => isPia(p) && !p.online);
      expect(eveA.all('presence')).toEqual([]);
    });

    it('answers who is online now in a conversation (onlineParticipantIds), whichever instance they are on', async () => {
      const [rose, remi] = await Promise.all(['Rose', 'Rémi'].map(person));
      const conversation = (await startConversation(app, rose.accessToken, [remi.userId])).id;
      const ONLINE = 'query($id: ID!) { conversation(id: $id) { onlineParticipantIds } }';
      const online = async (who: Session) => {
        const res = await app.gql<{ conversation: { onlineParticipantIds: string[] } }>(
          ONLINE,
          { id: conversation },
          who.accessToken,
        );
        expect(res.errors).toBeUndefined();
        return res.data!.conversation.onlineParticipantIds;
      };
      expect(await online(rose)).toEqual([]);
      const remiB = await on(B, remi);
      expect(await online(rose)).toEqual([remi.userId]);
      expect(await online(remi)).toEqual([]); // the viewer is not listed
      remiB.close();
      await eventually(async () => expect(await online(rose)).toEqual([]));
    });

    it('tells partners of presence changes in the order they happened, whichever instance saw them', async () => {
      const [hugo, wanda] = await Promise.all(['Hugo', 'Wanda'].map(person));
      await startConversation(app, wanda.accessToken, [hugo.userId]);
      const wandaA = await on(A, wanda);
      const isHugo = (p: { userId: string }) => p.userId === hugo.userId;
      // One device hops between the instances: each time the new connection races the old one's close.
      let device = await on(B, hugo);
      for (let hop = 0; hop < 10; hop++) {
        const next = on(hop % 2 === 0 ? A : B, hugo);
        device.close();
        device = await next;
      }
      await settle(800);
      const seen = wandaA.all<{ userId: string; online: boolean }>('presence', isHugo).map((p) => p.online);
      // Changes alternate (online, offline, online…) and the last one is the truth: Hugo is online.
      expect(seen).toEqual(seen.map((_, i) => i % 2 === 0));
      expect(seen.at(-1)).toBe(true);
      device.close();
      await wandaA.next<{ userId: string; online: boolean }>('presence', (p) => isHugo(p) && !p.online);
    });
  });

  it('pushes notification:new to the post author when someone comments', async () => {
    const [author, commenter] = [carol, dave];
    const group = await createGroup(app, carol.accessToken, { organizationId: club, name: 'J', visibility: 'PUBLIC' });
    await joinGroup(app, commenter.accessToken, group);
    const post = await createPost(app, author.accessToken, group, 'Qui vient samedi ?');
    const [authorB, commenterA] = await Promise.all([on(B, author), on(A, commenter)]);
    await addComment(app, commenter.accessToken, post, 'Moi !');
    const { payload } = await authorB.next<Record<string, unknown>>('notification:new');
    expect(payload).toMatchObject({ id: expect.any(String), type: 'NEW_COMMENT', subjectId: post, readAt: null });
    await settle();
    expect(commenterA.all('notification:new')).toEqual([]);
  });

  it('measures cross-instance delivery latency (emit on A → message:new on B)', async () => {
    const senders = [bob, carol, dave, pia];
    const reader = await person('Lecteur');
    const conversation = (
      await startConversation(app, reader.accessToken, idsOf(senders.map((s) => ({ id: s.userId }))))
    ).id;
    const sockets = await Promise.all(senders.map((s) => on(A, s)));
    const readerB = await on(B, reader);
    const latencies: number[] = [];
    for (let n = 0; n < 100; n++) {
      const payload = { conversationId: conversation, body: `mesure ${n}`, clientId: newClientId() };
      for (;;) {
        const started = performance.now();
        const ack = await sockets[n % 4].ack('message:send', payload);
        if (ack.ok) {
          const { at } = await readerB.next<Wire>('message:new', (m) => m.clientId === payload.clientId);
          latencies.push(at - started);
          break;
        }
        if (ack.error.code !== 'RATE_LIMITED') throw new Error(JSON.stringify(ack.error));
        await settle((ack.error.retryAfter ?? 1) * 1000); // not counted: the sample restarts
      }
    }
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `cross-instance delivery over ${latencies.length} messages: p50 ${fmt(percentile(latencies, 50))}, ` +
        `p99 ${fmt(percentile(latencies, 99))}, min ${fmt(Math.min(...latencies))}, max ${fmt(Math.max(...latencies))}`,
    );
    expect(latencies).toHaveLength(100);
  }, 60_000);

  describe('refusals', () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const sidOf = (token: string) => (jwt.decode(token) as { sid: string }).sid;
    const shortToken = (who: Session, seconds: number, secret = app.env.JWT_SECRET) =>
      jwt.sign({ sid: sidOf(who.accessToken), typ: 'access' }, secret, { subject: who.userId, expiresIn: seconds });

    it('refuses the handshake without a valid access token (connect_error UNAUTHENTICATED)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: eve.userId, sid: sidOf(eve.accessToken), typ: 'access', exp: now + 600 };
      const attempts = [
        undefined,
        {},
        { token: 'not-a-token' },
        { token: 42 },
        { token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.` },
        { token: eve.refreshToken },
        { token: shortToken(eve, 600, randomBytes(32).toString('hex')) },
        { token: shortToken(eve, -10) },
      ];
      for (const url of [A, B])
        for (const auth of attempts)
          expect({ auth, error: await connectError(url, auth) }).toEqual({ auth, error: 'UNAUTHENTICATED' });
    });

    it('disconnects a socket whose token expired (sweep), unless auth:refresh renewed it', async () => {
      const [expiringA, expiringB, refreshed] = await Promise.all(
        [A, B, A].map((url) => connectSocket(url, shortToken(eve, 5))),
      );
      const ack = await refreshed.ack<{ expiresAt: string }>('auth:refresh', { token: eve.accessToken });
      expect(ack).toEqual({ ok: true, expiresAt: expect.any(String) });
      if (ack.ok) expect(Date.parse(ack.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
      const refused = { ok: false, error: { code: 'UNAUTHENTICATED' } };
      for (const token of ['nope', alice.accessToken, eve.refreshToken])
        expect(await expiringA.ack('auth:refresh', { token })).toMatchObject(refused);
      await Promise.all([expiringA.disconnectedWithin(30_000), expiringB.disconnectedWithin(30_000)]);
      expect(expiringA.all('auth:expired')).toHaveLength(1);
      expect(refreshed.connected).toBe(true);
      expect(await refreshed.ack('typing', { conversationId: direct })).toEqual({ ok: true });
    }, 50_000);

    it('disconnects the sockets of a logged-out session on both instances, by the logout itself', async () => {
      const session = await login(app, dave.email, dave.password);
      const sockets = await Promise.all([on(A, session), on(B, session), on(B, session)]);
      expect((await app.gql(LOGOUT, { r: session.refreshToken }, session.accessToken)).data).toEqual({ logout: true });
      await Promise.all(sockets.map((s) => s.disconnectedWithin(30_000)));
      // The 15-second sweep says `auth:expired` before it cuts a socket; the logout's broadcast cuts it
      // without: none was said, so the logout closed them (how fast is no concern of this test).
      expect(sockets.flatMap((s) => s.all('auth:expired'))).toEqual([]);
      expect(await connectError(B, { token: session.accessToken })).toBe('UNAUTHENTICATED');
    });

    it('answers invalid payloads with BAD_USER_INPUT in the ack and keeps the socket connected', async () => {
      const ok = { conversationId: direct, body: 'ok', clientId: newClientId() };
      const cases: [unknown, string[] | undefined][] = [
        [{ ...ok, conversationId: 'not-a-uuid' }, ['conversationId']],
        [{ ...ok, body: '   ' }, ['body']],
        [{ ...ok, body: '' }, ['body']],
        [{ ...ok, body: 'x'.repeat(5_000) }, ['body']],
        [{ ...ok, clientId: undefined }, ['clientId']],
        ...['hello', 42, null, [ok]].map((payload) => [payload, undefined] as [unknown, undefined]),
      ];
      for (const [payload, fields] of cases) {
        const ack = await bobA.ack('message:send', payload);
        expect({ payload, ack }).toMatchObject({ payload, ack: { ok: false, error: { code: 'BAD_USER_INPUT' } } });
        if (fields && !ack.ok) expect(ack.error.fields).toEqual(fields);
      }
      for (const [event, payload] of [
        ['typing', { conversationId: 'x' }],
        ['conversation:read', { conversationId: direct }],
        ['typing', 'x'],
      ] as const)
        expect(await bobA.ack(event, payload)).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
      expect(bobA.connected).toBe(true);
      const sent = await send(bobA, direct, 'Toujours là');
      await aliceB.next<Wire>('message:new', (m) => m.id === sent.id);
    });

    it('survives malformed raw packets', async () => {
      for (const url of [A, B]) {
        const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
        await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
        const closed = new Promise((resolve) => ws.once('close', resolve));
        for (const frame of [...GARBAGE, randomBytes(512), '4' + 'x'.repeat(100_000)]) ws.send(frame);
        await Promise.race([closed, settle(1_000)]);
        ws.terminate();
        expect((await app.gql(ME, {}, eve.accessToken)).data).toEqual({ me: { id: eve.userId } });
      }
      expect([app.server.child.exitCode, other.child.exitCode]).toEqual([null, null]);
      expect([eveA.connected, eveB.connected]).toEqual([true, true]);
    });
  });
});

/** A Redis of its own (to take away) and the real limits (RATE_LIMIT_SCALE 1, not the harness's 100). */
describe('realtime with real rate limits, then without Redis', () => {
  let redis: RedisServer;
  let app: TestApp;
  let other: ServerProcess;
  let ana: Session, ben: Session, bavard: Session;

  beforeAll(async () => {
    redis = await startRedisServer();
    app = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_SCALE: '1' });
    other = await startServerProcess(app.env);
    const admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    [ana, ben, bavard] = await Promise.all(
      ['Ana', 'Ben', 'Bavard'].map((n) => newMember(app, admin.accessToken, fed, 'MEMBER', n)),
    );
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await other?.stop();
    await app?.close();
    await redis?.stop();
  });

  it('rate limits message:send (30 per 10 s per user, shared by the instances) and typing (20)', async () => {
    const conversation = (await startConversation(app, bavard.accessToken, [ana.userId])).id;
    const [onA, onB] = await Promise.all([app.url, other.url].map((url) => connectSocket(url, bavard.accessToken)));
    const payload = (n: number) => ({ conversationId: conversation, body: `n${n}`, clientId: newClientId() });
    const acks = await Promise.all(range(1, 36).map((n) => (n % 2 ? onA : onB).ack('message:send', payload(n))));
    const limited = acks.flatMap((a) => (a.ok ? [] : [a.error]));
    expect(limited.length).toBe(6);
    for (const error of limited) {
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryAfter).toBeGreaterThanOrEqual(1);
      expect(error.retryAfter).toBeLessThanOrEqual(10);
    }
    expect(await messagesAfter(app, bavard.accessToken, conversation)).toHaveLength(30);
    const typing = await Promise.all(
      range(1, 24).map((n) => (n % 2 ? onA : onB).ack('typing', { conversationId: conversation })),
    );
    expect(typing.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toHaveLength(4);
    expect([onA.connected, onB.connected]).toEqual([true, true]);
  });

  /** The server must still be running; if not, say why (its last lines). */
  const alive = async () => {
    await settle(200);
    const { exitCode, signalCode } = app.server.child;
    if (exitCode !== null || signalCode !== null)
      throw new Error(
        `server exited (${exitCode ?? signalCode}):\n${app.server.output().split('\n').slice(-12).join('\n')}`,
      );
  };

  it('keeps GraphQL and messaging working on an instance when Redis goes away: stored and delivered', async () => {
    const conversation = (await startConversation(app, ana.accessToken, [ben.userId])).id;
    const [anaSocket, benSocket] = await Promise.all([ana, ben].map((who) => connectSocket(app.url, who.accessToken)));
    const before = await send(anaSocket, conversation, 'Avant la panne');
    await benSocket.next<Wire>('message:new', (m) => m.id === before.id);

    await redis.stop();
    const sent: { id: string }[] = [];
    for (let round = 1; round <= 3; round++) {
      try {
        expect((await app.gql(ME, {}, ben.accessToken)).data).toEqual({ me: { id: ben.userId } });
        const viaGraphQL = await sendMessage(app, ana.accessToken, conversation, `GraphQL ${round}`);
        const viaSocket = await send(anaSocket, conversation, `Socket ${round}`);
        for (const { id } of [viaGraphQL, viaSocket]) await benSocket.next<Wire>('message:new', (m) => m.id === id);
        sent.push(viaGraphQL, viaSocket);
      } catch (err) {
        await alive();
        throw err;
      }
      await settle(1_000);
    }
    await alive();
    expect(idsOf(await messagesAfter(app, ben.accessToken, conversation, before.id))).toEqual(idsOf(sent));
    expect([anaSocket.connected, benSocket.connected]).toEqual([true, true]);
  }, 60_000);
});
