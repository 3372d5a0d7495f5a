import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** A server → client event, addressed to people (their `user:<id>` rooms), never to rooms a client names. */
export interface RealtimeEvent {
  userIds: string[];
  event: string;
  payload: unknown;
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
}
