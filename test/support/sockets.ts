import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';
import { newClientId } from './conversations';

/** What a socket received: the event, its payload and when (performance.now(), in this process). */
export interface Received<T = unknown> {
  event: string;
  payload: T;
  at: number;
}

export type Ack<T = Record<string, unknown>> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: string; reason?: string; message: string; fields?: string[]; retryAfter?: number } };

interface Waiter {
  event: string;
  predicate: (payload: unknown) => boolean;
  resolve: (received: Received) => void;
}

const open = new Set<Socket>();

/**
 * A Socket.io client as an app would open one (README, "Real time"), recording every server → client event.
 * Reconnection is off: a disconnect stays visible, and a test reconnects by opening a new client.
 */
export class TestSocket {
  readonly received: Received[] = [];
  private waiters: Waiter[] = [];
  readonly disconnected: Promise<string>;

  constructor(readonly socket: Socket) {
    open.add(socket);
    socket.onAny((event: string, payload: unknown) => {
      const received = { event, payload, at: performance.now() };
      this.received.push(received);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.event !== event || !waiter.predicate(payload)) return true;
        waiter.resolve(received);
        return false;
      });
    });
    this.disconnected = new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Payloads of `event` received so far, optionally only those matching. */
  all<T>(event: string, predicate: (payload: T) => boolean = () => true): T[] {
    return this.received.filter((r) => r.event === event && predicate(r.payload as T)).map((r) => r.payload as T);
  }

  /** The first `event` (already received or to come) matching `predicate`, within `timeoutMs`. */
  next<T>(event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 5_000): Promise<Received<T>> {
    const test = (payload: unknown) => predicate(payload as T);
    const already = this.received.find((r) => r.event === event && test(r.payload));
    if (already) return Promise.resolve(already as Received<T>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`no "${event}" matching within ${timeoutMs} ms on socket ${this.socket.id ?? '?'}`));
      }, timeoutMs);
      const entry: Waiter = {
        event,
        predicate: test,
        resolve: (received) => {
          clearTimeout(timer);
          resolve(received as Received<T>);
        },
      };
      this.waiters.push(entry);
    });
  }

  /** Emits with an acknowledgement callback; resolves the acknowledgement. */
  ack<T = Record<string, unknown>>(event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
  }

  /** Resolves the disconnect reason, or rejects when still connected after `timeoutMs`. */
  disconnectedWithin(timeoutMs: number): Promise<string> {
    return Promise.race([
      this.disconnected,
      new Promise<string>((_, reject) => {
        const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
        void this.disconnected.then(() => clearTimeout(timer));
      }),
    ]);
  }

  close(): void {
    this.socket.disconnect();
    open.delete(this.socket);
  }
}

function client(url: string, auth?: Record<string, unknown>): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
    ...(auth ? { auth } : {}),
  });
}

/** A connected socket for this access token (rejects with the `connect_error`). */
export function connectSocket(url: string, token: string): Promise<TestSocket> {
  const socket = client(url, { token });
  const wrapped = new TestSocket(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(wrapped));
    socket.once('connect_error', (err) => {
      wrapped.close();
      reject(err);
    });
  });
}

/** The `connect_error` message a handshake with this `auth` gets (rejects when it connects). */
export function connectError(url: string, auth?: Record<string, unknown>): Promise<string> {
  const socket = client(url, auth);
  open.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.disconnect();
      open.delete(socket);
      reject(new Error('connected, expected a connect_error'));
    });
    socket.once('connect_error', (err) => {
      socket.disconnect();
      open.delete(socket);
      resolve(err.message);
    });
  });
}

/** Closes every socket these helpers opened (for afterAll). */
export function closeAllSockets(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

/** Lets in-flight events arrive before asserting that something did not. */
export function settle(ms = 400): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Percentile (0..100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A message as `message:new` and the `message:send` acknowledgement carry it. */
export interface WireMessage {
  id: string;
  conversationId: string;
  body: string;
  clientId: string;
  seq: number;
  createdAt: string;
}

/** message:send as a careful client does it: RATE_LIMITED is retried after `retryAfter`, with the same clientId. */
export async function sendOverSocket(
  socket: TestSocket,
  conversationId: string,
  body: string,
  clientId = newClientId(),
): Promise<WireMessage> {
  for (;;) {
    const ack = await socket.ack<{ message: WireMessage }>('message:send', { conversationId, body, clientId });
    if (ack.ok) return ack.message;
    if (ack.error.code !== 'RATE_LIMITED') throw new Error(`message:send refused: ${JSON.stringify(ack.error)}`);
    await settle((ack.error.retryAfter ?? 1) * 1000);
  }
}

/** The `message:new` events of one conversation a socket received, in arrival order. */
export function messagesIn(socket: TestSocket, conversationId: string): WireMessage[] {
  return socket.all<WireMessage>('message:new', (m) => m.conversationId === conversationId);
}
