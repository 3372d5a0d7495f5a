/**
 * The Socket.io events the client speaks, as the server sends them (ids, not nested objects).
 * Written here until the server exports its typed event map; then this file re-exports it.
 */
export interface SocketMessage {
  id: string;
  conversationId: string;
  senderId: string | null;
  body: string;
  clientId: string;
  seq: number;
  createdAt: string;
}

export interface SocketNotification {
  id: string;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface SocketRefusal {
  code: string;
  reason?: string;
  message: string;
  fields?: string[];
  retryAfter?: number;
}

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: SocketRefusal };

export interface ServerToClientEvents {
  'message:new': (message: SocketMessage) => void;
  typing: (event: { conversationId: string; userId: string }) => void;
  'conversation:read': (event: { conversationId: string; userId: string; messageId: string }) => void;
  presence: (event: { userId: string; online: boolean }) => void;
  'notification:new': (notification: SocketNotification) => void;
  'auth:expired': () => void;
}

export interface ClientToServerEvents {
  'message:send': (
    payload: { conversationId: string; body: string; clientId: string },
    ack: (answer: Ack<{ message: SocketMessage }>) => void,
  ) => void;
  typing: (payload: { conversationId: string }, ack: (answer: Ack) => void) => void;
  'conversation:read': (payload: { conversationId: string; messageId: string }, ack: (answer: Ack) => void) => void;
  'auth:refresh': (payload: { token: string }, ack: (answer: Ack<{ expiresAt: string }>) => void) => void;
}
