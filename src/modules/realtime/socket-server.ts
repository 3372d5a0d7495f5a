import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, Socket } from 'socket.io';
import { originAllowed } from '../../common/auth/origin-policy';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RealtimeEvent, RealtimePublisher, SessionRevocation } from '../../infra/realtime/realtime-publisher';
import { REDIS, RedisConnections } from '../../infra/redis/redis.module';
import { SessionsService } from '../auth/sessions.service';
import { MemoryPresence, PresenceStore, RedisPresence } from './presence';
import { AckOf, ClientEvent, ClientToServerEvents, ServerToClientEvents, SocketRefusal } from './socket-events';

export interface SocketData {
  userId: string;
  sessionId: string;
  /** Access token expiry, epoch seconds. */
  exp: number;
  /** Set when the session ends (logout, reuse, password change, deactivation): nothing more is served. */
  revoked?: boolean;
}
export type AuthedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** Handles one client event; its result is the acknowledgement. */
export type SocketHandler<E extends ClientEvent> = (socket: AuthedSocket, payload: unknown) => Promise<AckOf<E>>;
type HandledEvent = Exclude<ClientEvent, 'auth:refresh'>;

const SWEEP_MS = 15_000;
const BUS = 'maillage:realtime';
const REVOCATIONS = 'maillage:revocations';
const ENDED: SocketRefusal = {
  ok: false,
  error: { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED', message: 'Session ended or token expired' },
};
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Socket.io on the app's port (path /socket.io). The handshake is authenticated in `io.use` with
 * the access token from `auth.token`; each socket joins exactly one room, `user:<id>`, and the
 * server addresses people, never rooms a client names. With REDIS_URL the Redis adapter carries
 * emits (and disconnects) to every instance. Handlers for client events are registered by the
 * feature modules (`handle`).
 */
@Injectable()
export class SocketServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger(SocketServer.name);
  private io?: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  private readonly handlers = new Map<HandledEvent, SocketHandler<HandledEvent>>();
  private readonly presence: PresenceStore;
  private presenceAudience: (userId: string) => Promise<string[]> = async () => [];
  private sweeper?: NodeJS.Timeout;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly sessions: SessionsService,
    private readonly publisher: RealtimePublisher,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(REDIS) private readonly redis: RedisConnections | null,
  ) {
    this.presence = redis
      ? new RedisPresence(redis.commands, BUS)
      : new MemoryPresence((event) => this.emitLocally(event));
  }

  /** Registers the handler of a client event; its result is the acknowledgement. */
  handle<E extends HandledEvent>(event: E, handler: SocketHandler<E>): void {
    this.handlers.set(event, handler as SocketHandler<HandledEvent>);
  }

  /** Which of these people are online (a device connected on any instance); nobody when presence is unavailable. */
  async onlineAmong(userIds: string[]): Promise<Set<string>> {
    return this.presence.online(userIds).catch((err: unknown) => {
      this.logger.warn({ err }, 'presence unavailable; nobody shown online');
      return new Set<string>();
    });
  }

  /** Who hears about a person coming online or going offline (the feature module decides). */
  setPresenceAudience(audience: (userId: string) => Promise<string[]>): void {
    this.presenceAudience = audience;
  }

  onApplicationBootstrap(): void {
    const httpServer = this.http.httpAdapter.getHttpServer() as HttpServer;
    const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
      path: '/socket.io',
      maxHttpBufferSize: 64 * 1024,
      // The handshake's Origin check is the one of HTTP: the same rule, the same list.
      allowRequest: (req: IncomingMessage, callback) =>
        callback(null, originAllowed(this.config, req.headers.origin, req)),
    });
    if (this.redis) io.adapter(createAdapter(this.redis.pub, this.redis.sub));
    io.use(
      (socket, next) =>
        void this.authenticate(socket as AuthedSocket).then(
          // The device counts as present before its client hears "connected": whatever that client
          // does next (close its other device, say) reaches the presence store after this arrival.
          () => this.arrive(socket as AuthedSocket).then(() => next()),
          () => next(new Error('UNAUTHENTICATED')),
        ),
    );
    io.on('connection', (socket) => this.onConnection(socket as AuthedSocket));
    this.io = io;

    if (this.redis) {
      const events = this.redis.events;
      void events.subscribe(BUS, REVOCATIONS).catch(() => undefined);
      events.on('message', (channel: string, raw: string) => {
        if (channel === BUS) this.emitLocally(JSON.parse(raw) as RealtimeEvent);
        else if (channel === REVOCATIONS) this.revokeLocally(JSON.parse(raw) as SessionRevocation);
      });
    }
    this.unsubscribe.push(
      this.publisher.subscribe((event) => this.deliver(event)),
      this.publisher.onSessionsEnded((revocation) => this.endSessions(revocation)),
    );
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** Shutdown: local sockets are told to go (clients reconnect to another instance), then the server stops. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    for (const stop of this.unsubscribe) stop();
    const io = this.io;
    if (!io) return;
    io.local.disconnectSockets(true);
    io.engine.close();
  }

  /**
   * The realtime bus. With Redis, every event goes through one channel and each instance, the
   * sender's included, emits it to its own sockets when it comes back: every instance sees events
   * in the same (publish) order. If Redis cannot take it, the event still reaches this instance's
   * sockets. Without Redis, events are emitted here directly.
   */
  private async deliver(event: RealtimeEvent): Promise<void> {
    if (this.redis) {
      try {
        await this.redis.pub.publish(BUS, JSON.stringify(event));
        return;
      } catch {
        // Redis away: same-instance delivery continues.
      }
    }
    this.emitLocally(event);
  }

  private async arrive(socket: AuthedSocket): Promise<void> {
    const { userId } = socket.data;
    await this.presenceOf(userId, true, (event) => this.presence.connect(userId, socket.id, event));
    // Gone while it was being recorded: Socket.io will not connect it, so no disconnect will follow.
    if (socket.conn.readyState !== 'open') await this.leave(socket);
  }

  private leave(socket: AuthedSocket): Promise<void> {
    const { userId } = socket.data;
    return this.presenceOf(userId, false, (event) => this.presence.disconnect(userId, socket.id, event));
  }

  /** Records a device coming or going; the store announces a change to the audience atomically with it. */
  private async presenceOf(
    userId: string,
    online: boolean,
    record: (announcement: RealtimeEvent) => Promise<boolean>,
  ): Promise<void> {
    try {
      const audience = await this.presenceAudience(userId).catch((err: unknown) => {
        this.logger.warn({ err }, 'presence audience unavailable; the change goes unannounced');
        return [];
      });
      await record({ userIds: audience, event: 'presence', payload: { userId, online } });
    } catch {
      // Redis away: presence is ephemeral, the next connection records it again.
    }
  }

  private emitLocally({ userIds, event, payload }: RealtimeEvent): void {
    // An empty room list would mean "every socket": an event addressed to nobody goes nowhere.
    if (userIds.length === 0 || !this.io) return;
    // The one untyped emit: payloads are checked against the event map where they are built
    // (RealtimeEvent); here their dates become strings on the way out.
    const rooms = this.io.local.to(userIds.map(userRoom)) as unknown as { emit(event: string, payload: unknown): void };
    rooms.emit(event, payload);
  }

  private async authenticate(socket: AuthedSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') throw new Error('no token');
    const verified = await this.sessions.verifyAccessToken(token);
    if (!verified) throw new Error('invalid token');
    socket.data = { userId: verified.id, sessionId: verified.sessionId, exp: verified.expiresAt };
  }

  /**
   * Checked on every client event, without a query: the session has not been revoked (the flag
   * flipped by the revocation broadcast) and the token has not expired (its `exp`).
   */
  private serves(socket: AuthedSocket): boolean {
    return !socket.data.revoked && socket.data.exp > Date.now() / 1000;
  }

  private cut(socket: AuthedSocket): void {
    socket.emit('auth:expired');
    socket.disconnect(true);
  }

  private onConnection(socket: AuthedSocket): void {
    const { userId } = socket.data;
    void socket.join(userRoom(userId));
    socket.on('disconnect', () => void this.leave(socket));
    socket.on('auth:refresh', (payload: unknown, ack?: unknown) => void this.refresh(socket, payload, ack));
    for (const [event, handler] of this.handlers) {
      socket.on(event, (payload: unknown, ack?: unknown) => {
        if (!this.serves(socket)) {
          if (typeof ack === 'function') ack(ENDED);
          this.cut(socket);
          return;
        }
        void handler(socket, payload).then(
          (result) => typeof ack === 'function' && ack(result),
          (err: unknown) => {
            this.logger.error({ err, event }, 'socket handler failed');
            if (typeof ack === 'function')
              ack({
                ok: false,
                error: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_ERROR', message: 'Internal server error' },
              });
          },
        );
      });
    }
  }

  /** `auth:refresh { token }`: a fresh access token of the same user keeps the socket open past the old token's expiry. */
  private async refresh(socket: AuthedSocket, payload: unknown, ack: unknown): Promise<void> {
    const reply = (result: AckOf<'auth:refresh'>) => typeof ack === 'function' && ack(result);
    // An expired token may be renewed here; an ended session may not.
    if (socket.data.revoked) {
      reply(ENDED);
      this.cut(socket);
      return;
    }
    const token = (payload as { token?: unknown } | null)?.token;
    const verified = typeof token === 'string' ? await this.sessions.verifyAccessToken(token) : undefined;
    if (!verified || verified.id !== socket.data.userId) {
      reply({
        ok: false,
        error: {
          code: 'UNAUTHENTICATED',
          reason: 'AUTHENTICATION_REQUIRED',
          message: 'Invalid or expired access token',
        },
      });
      return;
    }
    socket.data.sessionId = verified.sessionId;
    socket.data.exp = verified.expiresAt;
    reply({ ok: true, expiresAt: new Date(verified.expiresAt * 1000).toISOString() });
  }

  /** Every 15 s: sockets whose token expired, or whose session ended, are cut; devices' presence is renewed. */
  private async sweep(): Promise<void> {
    const io = this.io;
    if (!io) return;
    const sockets = [...io.of('/').sockets.values()] as AuthedSocket[];
    const now = Date.now() / 1000;
    const live = await this.sessions.liveSessions(sockets.map((s) => s.data.sessionId)).catch(() => undefined);
    for (const socket of sockets) {
      const ended = live !== undefined && !live.has(socket.data.sessionId);
      if (socket.data.exp <= now || ended) {
        socket.emit('auth:expired');
        socket.disconnect(true);
      }
    }
    await this.presence
      .heartbeat(sockets.map((s) => ({ userId: s.data.userId, socketId: s.id })))
      .catch(() => undefined);
  }

  /**
   * Logout, token reuse, password change, deactivation: that session's (or person's) sockets stop
   * being served at once and close, here synchronously and on every other instance through Redis.
   */
  private endSessions(revocation: SessionRevocation): void {
    this.revokeLocally(revocation);
    if (!this.redis) return;
    this.redis.pub.publish(REVOCATIONS, JSON.stringify(revocation)).catch((err: unknown) => {
      // Redis away: the other instances' sweeps find the ended session within 15 s.
      this.logger.warn({ err }, 'could not tell every instance that a session ended');
    });
  }

  private revokeLocally({ userId, sessionId }: SessionRevocation): void {
    const namespace = this.io?.of('/');
    const ids = namespace?.adapter.rooms.get(userRoom(userId));
    for (const id of [...(ids ?? [])]) {
      const socket = namespace!.sockets.get(id);
      if (!socket || (sessionId && socket.data.sessionId !== sessionId)) continue;
      socket.data.revoked = true;
      this.cut(socket);
    }
  }
}
