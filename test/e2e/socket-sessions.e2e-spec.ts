import * as jwt from 'jsonwebtoken';
import { codesOf, ok } from '../support/adversarial';
import { newClientId, SEND, startConversation } from '../support/conversations';
import { createOrganization, federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { RedisServer, startRedisServer } from '../support/redis-server';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { closeAllSockets, connectSocket, settle, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A socket is served only while its session is: checked on every client event (issue 18.3); one
 * message budget whatever the path (18.4); a clientId never answers for another conversation (18.5).
 * Two instances share PostgreSQL and a Redis of their own (real rate limits, RATE_LIMIT_SCALE 1,
 * must not meet other specs' counters).
 */
const REFRESH = 'mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken refreshToken } }';

describe('sockets follow their session', () => {
  let app: TestApp;
  let other: ServerProcess;
  let redis: RedisServer;
  let admin: Session;
  let club: string;
  const person = (name: string) => newMember(app, admin.accessToken, club, 'MEMBER', name);
  const stored = async (clientIds: string[]) =>
    (await app.sql<{ client_id: string }>('SELECT client_id FROM messages WHERE client_id = ANY($1)', [clientIds])).map(
      (row) => row.client_id,
    );
  /** Emits `message:send` and tells what came back: the acknowledgement's code, or that the socket was gone. */
  const trySend = async (socket: TestSocket, conversationId: string, clientId: string) => {
    if (!socket.connected) return 'disconnected';
    try {
      const ack = await socket.ack('message:send', { conversationId, body: 'Encore moi', clientId }, 2_000);
      return ack.ok ? 'sent' : ack.error.code;
    } catch {
      return 'disconnected';
    }
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    app = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_SCALE: '1' });
    other = await startServerProcess(app.env);
    admin = await loginAdmin(app);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club des sockets',
      kind: 'ASSOCIATION',
      parentId: await federationId(app, admin.accessToken),
    });
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await other?.stop();
    await app?.close();
    await redis?.stop();
  });

  it('a reused refresh token ends the session’s sockets at once, on every instance: nothing more is sent', async () => {
    const [thief, friend] = await Promise.all([person('Voleuse Jeton'), person('Ami Jeton')]);
    const conversation = (await startConversation(app, friend.accessToken, [thief.userId])).id;
    const stolen = await login(app, thief.email, thief.password);
    // The stolen access token keeps a socket open on each instance.
    const sockets = [
      await connectSocket(app.url, stolen.accessToken),
      await connectSocket(other.url, stolen.accessToken),
    ];
    const rotated = ok(await app.gql<{ refreshToken: { refreshToken: string } }>(REFRESH, { r: stolen.refreshToken }));
    expect(rotated.refreshToken.refreshToken).toBeDefined();
    // The rotated-away token comes back: reuse detected, the session ends.
    expect(codesOf(await app.gql(REFRESH, { r: stolen.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    const attempts: string[] = [];
    for (const delay of [0, 500, 500]) {
      await settle(delay);
      for (const socket of sockets) attempts.push(await trySend(socket, conversation, newClientId()));
    }
    expect(attempts.filter((a) => a === 'sent')).toEqual([]);
    for (const socket of sockets) {
      await socket.disconnectedWithin(1_000);
      expect(socket.all('auth:expired')).toHaveLength(1);
    }
    const [{ n }] = await app.sql<{ n: string }>('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [
      conversation,
    ]);
    expect(Number(n)).toBe(0);
  });

  it('a token that expires while connected is refused on the next event, long before the 15-second sweep', async () => {
    const [mia, noe] = await Promise.all([person('Mia Expire'), person('Noé Expire')]);
    const conversation = (await startConversation(app, mia.accessToken, [noe.userId])).id;
    const claims = jwt.decode(mia.accessToken) as { sid: string; sub: string };
    // A genuine token of her live session that expires in two seconds.
    const shortLived = jwt.sign({ sid: claims.sid, typ: 'access' }, app.env.JWT_SECRET, {
      algorithm: 'HS256',
      subject: claims.sub,
      expiresIn: 2,
    });
    const socket = await connectSocket(other.url, shortLived);
    expect(await trySend(socket, conversation, newClientId())).toBe('sent');
    await settle(2_200);
    const late = newClientId();
    const ack = await socket.ack('message:send', { conversationId: conversation, body: 'Trop tard', clientId: late });
    expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
    await socket.disconnectedWithin(1_000);
    expect(socket.all('auth:expired')).toHaveLength(1);
    expect(await stored([late])).toEqual([]);
  });

  it('one budget for sending messages: 30 over the socket leave none for sendMessage, and the other way round', async () => {
    const [ugo, vera, wim] = await Promise.all([person('Ugo Bavard'), person('Véra Bavarde'), person('Wim Écoute')]);
    const forUgo = (await startConversation(app, ugo.accessToken, [wim.userId])).id;
    const forVera = (await startConversation(app, vera.accessToken, [wim.userId])).id;
    const overGraphQL = (who: Session, conversationId: string) =>
      app.gql(SEND, { input: { conversationId, body: 'Par GraphQL', clientId: newClientId() } }, who.accessToken);

    const ugoSocket = await connectSocket(app.url, ugo.accessToken);
    const bySocket: string[] = [];
    for (let i = 0; i < 30; i++) bySocket.push(await trySend(ugoSocket, forUgo, newClientId()));
    expect(bySocket.every((a) => a === 'sent')).toBe(true);
    expect(codesOf(await overGraphQL(ugo, forUgo))).toEqual(['RATE_LIMITED']);

    for (let i = 0; i < 30; i++) ok(await overGraphQL(vera, forVera));
    const veraSocket = await connectSocket(other.url, vera.accessToken); // the other instance: shared through Redis
    expect(await trySend(veraSocket, forVera, newClientId())).toBe('RATE_LIMITED');
  });

  it('a clientId already used in another conversation is a CONFLICT naming clientId; nothing is sent there', async () => {
    const [xavier, yasmine, zoe] = await Promise.all([person('Xavier Id'), person('Yasmine Id'), person('Zoé Id')]);
    const withYasmine = (await startConversation(app, xavier.accessToken, [yasmine.userId])).id;
    const withZoe = (await startConversation(app, xavier.accessToken, [zoe.userId])).id;
    const clientId = newClientId();
    const send = (conversationId: string) =>
      app.gql<{ sendMessage: { id: string; conversationId: string } }>(
        SEND,
        { input: { conversationId, body: 'Bonjour', clientId } },
        xavier.accessToken,
      );
    const first = ok(await send(withYasmine)).sendMessage;
    const reused = await send(withZoe);
    expect(codesOf(reused)).toEqual(['CONFLICT']);
    expect(reused.errors?.[0]?.extensions?.fields).toEqual(['clientId']);
    const socket = await connectSocket(app.url, xavier.accessToken);
    const ack = await socket.ack('message:send', { conversationId: withZoe, body: 'Bonjour', clientId });
    expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', fields: ['clientId'] }) });
    const inZoe = await app.sql('SELECT id FROM messages WHERE conversation_id = $1', [withZoe]);
    expect(inZoe).toEqual([]);
    // A retry in the same conversation is still the first message, never a copy.
    expect(ok(await send(withYasmine)).sendMessage.id).toBe(first.id);
  });
});
