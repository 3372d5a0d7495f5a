import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { PayloadOf, ServerEvent } from '../../modules/realtime/socket-events';

/** A payload as the server builds it: dates become ISO strings when it goes on the wire. */
type Outgoing<T> = T extends string
  ? string | Date
  : T extends null | undefined
    ? T
    : T extends object
      ? { [K in keyof T]: Outgoing<T[K]> }
      : T;

/**
 * A server → client event (one of the socket event map), addressed to people (their `user:<id>`
 * rooms), never to rooms a client names.
 */
export type RealtimeEvent = {
  [E in ServerEvent]: { userIds: string[]; event: E; payload: Outgoing<PayloadOf<E>> };
}[ServerEvent];

export interface SessionRevocation {
  userId: string;
  sessionId?: string;
}

/**
 * The seam between modules that produce real-time events (notifications, messages) and the
 * transport that delivers them. In process for now; the Socket.io gateway subscribes here.
 */
@Injectable()
export class RealtimePublisher {
  private readonly emitter = new EventEmitter();

  private readonly deliverers = new Set<(event: RealtimeEvent) => Promise<void>>();

  /** Resolves once the event is handed to the transport (so callers can keep an order); never rejects. */
  async publish(event: RealtimeEvent): Promise<void> {
    if (event.userIds.length === 0) return;
    await Promise.all([...this.deliverers].map((deliver) => deliver(event).catch(() => undefined)));
  }

  subscribe(deliver: (event: RealtimeEvent) => Promise<void>): () => void {
    this.deliverers.add(deliver);
    return () => this.deliverers.delete(deliver);
  }

  /**
   * A session (or, without sessionId, every session of the user) ended: its sockets stop being
   * served at once and close, on every instance. Listeners run synchronously, before this returns.
   */
  endSessions(revocation: SessionRevocation): void {
    this.emitter.emit('revocation', revocation);
  }

  onSessionsEnded(listener: (revocation: SessionRevocation) => void): () => void {
    this.emitter.on('revocation', listener);
    return () => this.emitter.off('revocation', listener);
  }
}
