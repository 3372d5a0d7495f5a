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

  publish(event: RealtimeEvent): void {
    if (event.userIds.length > 0) this.emitter.emit('event', event);
  }

  subscribe(listener: (event: RealtimeEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
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
