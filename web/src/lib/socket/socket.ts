import { io, type Socket } from 'socket.io-client';
import { session } from '../session/session';
import type { ClientToServerEvents, ServerToClientEvents } from './socket-events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

type StateListener = (state: ConnectionState) => void;

/**
 * The one Socket.io connection of the page, open while someone is logged in. The handshake reads
 * the current access token each time (so a reconnection uses a fresh one); a refresh is passed on
 * with `auth:refresh`; an expired or refused token is refreshed once, then the socket reconnects.
 */
class RealtimeConnection {
  readonly socket: AppSocket = io({
    path: '/socket.io',
    autoConnect: false,
    auth: (callback) => callback({ token: session.accessToken ?? '' }),
  });
  private state: ConnectionState = 'idle';
  private readonly listeners = new Set<StateListener>();
  private retriedAuth = false;
  private wasConnected = false;

  constructor() {
    const socket = this.socket;
    socket.on('connect', () => {
      this.retriedAuth = false;
      this.setState('connected');
    });
    socket.on('disconnect', (reason) => {
      if (!session.accessToken) return this.setState('idle');
      this.setState('reconnecting');
      // The server closed it (a sweep after expiry, a restart): Socket.io does not retry that by itself.
      if (reason === 'io server disconnect') void this.renewAndReconnect();
    });
    socket.on('connect_error', (error) => {
      if (error.message !== 'UNAUTHENTICATED') return this.setState(this.wasConnected ? 'reconnecting' : 'connecting');
      if (this.retriedAuth) return void session.refresh();
      this.retriedAuth = true;
      void this.renewAndReconnect();
    });
    socket.on('auth:expired', () => void session.refresh());
    session.onRefreshed((token) => {
      if (socket.connected) socket.emit('auth:refresh', { token }, () => undefined);
    });
    session.subscribe((state) => (state.status === 'authenticated' ? this.open() : this.close()));
    if (session.current.status === 'authenticated') this.open();
  }

  get connection(): ConnectionState {
    return this.state;
  }

  onState(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private open(): void {
    if (this.socket.connected || this.socket.active) return;
    this.setState('connecting');
    this.socket.connect();
  }

  private close(): void {
    this.socket.disconnect();
    this.wasConnected = false;
    this.setState('idle');
  }

  private async renewAndReconnect(): Promise<void> {
    if (await session.refresh()) this.socket.connect();
  }

  private setState(state: ConnectionState): void {
    if (state === 'connected') this.wasConnected = true;
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

let connection: RealtimeConnection | undefined;

/** The page's connection, created on first use. */
export function realtime(): RealtimeConnection {
  connection ??= new RealtimeConnection();
  return connection;
}
