import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { DefaultEventsMap, Server, Socket } from 'socket.io';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RealtimeEvent, RealtimePublisher, SessionRevocation } from '../../infra/realtime/realtime-publisher';
import { REDIS, RedisConnections } from '../../infra/redis/redis.module';
import { SessionsService } from '../auth/sessions.service';
import { isAllowedOrigin } from '../web-client/same-origin';
import { MemoryPresence, PresenceStore, RedisPresence } from './presence';

export interface SocketData {
  userId: string;
  sessionId: string;
  /** Access token expiry, epoch seconds. */
  exp: number;
}
export type AuthedSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type SocketHandler = (socket: AuthedSocket, payload: unknown) => Promise<unknown>;

const SWEEP_MS = 15_000;
const BUS = 'maillage:realtime';
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
  private io?: Server;
  private readonly handlers = new Map<string, SocketHandler>();
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
  handle(event: string, handler: SocketHandler): void {
    this.handlers.set(event, handler);
  }

  /** Who hears about a person coming online or going offline (the feature module decides). */
  setPresenceAudience(audience: (userId: string) => Promise<string[]>): void {
    this.presenceAudience = audience;
  }

  onApplicationBootstrap(): void {
    const httpServer = this.http.httpAdapter.getHttpServer() as HttpServer;
    const io = new Server(httpServer, {
      path: '/socket.io',
      maxHttpBufferSize: 64 * 1024,
      cors: { origin: (origin, callback) => callback(null, this.originAllowed(origin)), credentials: true },
      // The app's own pages (the web client) always; other origins as CORS_ORIGINS says.
      allowRequest: (req: IncomingMessage, callback) =>
        callback(null, this.originAllowed(req.headers.origin) || isAllowedOrigin(req.headers.origin, req, this.config)),
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
      void events.subscribe(BUS).catch(() => undefined);
      events.on('message', (channel: string, raw: string) => {
        if (channel === BUS) this.emitLocally(JSON.parse(raw) as RealtimeEvent);
      });
    }
    this.unsubscribe.push(
      this.publisher.subscribe((event) => this.deliver(event)),
      this.publisher.onSessionsEnded((revocation) => void this.endSessions(revocation)),
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
    if (userIds.length === 0) return;
    this.io?.local.to(userIds.map(userRoom)).emit(event, payload);
  }

  private originAllowed(origin: string | undefined): boolean {
    if (!origin) return true; // not a browser: native apps, servers
    if (this.config.corsOrigins.length === 0) return !this.config.isProduction;
    return this.config.corsOrigins.includes(origin);
  }

  private async authenticate(socket: AuthedSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') throw new Error('no token');
    const claims = this.sessions.accessTokens.verify(token);
    if (!claims || !(await this.sessions.isLive(claims.sid, claims.sub))) throw new Error('invalid token');
    socket.data = { userId: claims.sub, sessionId: claims.sid, exp: claims.exp };
  }

  private onConnection(socket: AuthedSocket): void {
    const { userId } = socket.data;
    void socket.join(userRoom(userId));
    socket.on('disconnect', () => void this.leave(socket));
    socket.on('auth:refresh', (payload: unknown, ack?: unknown) => void this.refresh(socket, payload, ack));
    for (const [event, handler] of this.handlers) {
      socket.on(event, (payload: unknown, ack?: unknown) => {
        void handler(socket, payload).then(
          (result) => typeof ack === 'function' && ack(result),
          (err: unknown) => {
            this.logger.error({ err, event }, 'socket handler failed');
            if (typeof ack === 'function')
              ack({ ok: false, error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
          },
        );
      });
    }
  }

  /** `auth:refresh { token }`: a fresh access token of the same user keeps the socket open past the old token's expiry. */
  private async refresh(socket: AuthedSocket, payload: unknown, ack: unknown): Promise<void> {
    const reply = (result: unknown) => typeof ack === 'function' && ack(result);
    const token = (payload as { token?: unknown } | null)?.token;
    const claims = typeof token === 'string' ? this.sessions.accessTokens.verify(token) : undefined;
    if (!claims || claims.sub !== socket.data.userId || !(await this.sessions.isLive(claims.sid, claims.sub))) {
      reply({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Invalid or expired access token' } });
      return;
    }
    socket.data = { ...socket.data, sessionId: claims.sid, exp: claims.exp };
    reply({ ok: true, expiresAt: new Date(claims.exp * 1000).toISOString() });
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

  /** Logout, token reuse, deactivation: that session's (or user's) sockets close on every instance. */
  private async endSessions({ userId, sessionId }: SessionRevocation): Promise<void> {
    try {
      const sockets = await this.io!.in(userRoom(userId)).fetchSockets();
      for (const socket of sockets) if (!sessionId || socket.data.sessionId === sessionId) socket.disconnect(true);
    } catch (err) {
      // Redis away: the sweep closes them within 15 s on each instance.
      this.logger.warn({ err }, 'could not reach every instance to end sessions');
    }
  }
}
