import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** A server → client event, addressed to people (their `user:<id>` rooms), never to rooms a client names. */
export interface RealtimeEvent {
  userIds: string[];
  event: string;
  payload: unknown;
}

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

  /** A session (or, without sessionId, every session of the user) ended: its sockets must close, on every instance. */
  endSessions(revocation: SessionRevocation): void {
    this.emitter.emit('revocation', revocation);
  }

  onSessionsEnded(listener: (revocation: SessionRevocation) => void): () => void {
    this.emitter.on('revocation', listener);
    return () => this.emitter.off('revocation', listener);
  }
}
