/**
 * The Socket.io events between the server and its clients: names, payloads and acknowledgements.
 * Types only, with no import: the web client imports this file with `import type`, and the server
 * types its `Server` and `Socket` with it, so both sides break together when an event changes.
 * Times travel as ISO-8601 strings.
 */

/** The codes of GraphQL's `extensions.code`, as they come back in an acknowledgement. */
export type SocketErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

export interface SocketError {
  code: SocketErrorCode;
  /** The precise cause, from the server's catalogue of reasons (for the client to translate). */
  reason: string;
  message: string;
  /** The bad input fields (BAD_USER_INPUT), or the field a CONFLICT is about. */
  fields?: string[];
  /** Seconds to wait before retrying (RATE_LIMITED, SERVICE_UNAVAILABLE). */
  retryAfter?: number;
}

export interface SocketRefusal {
  ok: false;
  error: SocketError;
}

/** Every acknowledgement: `ok: true` with the event's result, or a refusal (the socket stays open). */
export type SocketAck<T extends object = object> = ({ ok: true } & T) | SocketRefusal;

export interface SocketMessage {
  id: string;
  conversationId: string;
  senderId: string | null;
  body: string;
  clientId: string;
  /** Position in the conversation (1, 2, 3…). */
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

export interface SendMessagePayload {
  conversationId: string;
  body: string;
  /** Chosen by the device (e.g. a UUID): resending it returns the first message, never a copy. */
  clientId: string;
}

export interface ClientToServerEvents {
  'message:send': (payload: SendMessagePayload, ack: (reply: SocketAck<{ message: SocketMessage }>) => void) => void;
  typing: (payload: { conversationId: string }, ack?: (reply: SocketAck) => void) => void;
  'conversation:read': (
    payload: { conversationId: string; messageId: string },
    ack?: (reply: SocketAck) => void,
  ) => void;
  /** A fresh access token of the same person keeps the socket open past the old token's expiry. */
  'auth:refresh': (payload: { token: string }, ack?: (reply: SocketAck<{ expiresAt: string }>) => void) => void;
}

export interface ServerToClientEvents {
  'message:new': (message: SocketMessage) => void;
  typing: (payload: { conversationId: string; userId: string }) => void;
  'conversation:read': (payload: { conversationId: string; userId: string; messageId: string }) => void;
  presence: (payload: { userId: string; online: boolean }) => void;
  'notification:new': (notification: SocketNotification) => void;
  /**
   * A post entered the reader's home feed (a group they belong to or follow, that they may read):
   * the client fetches it. Never sent to people who may not read the group, nor to the author.
   */
  'post:new': (payload: { postId: string; groupId: string }) => void;
  /** Sent just before the server closes a socket whose token expired or whose session ended. */
  'auth:expired': () => void;
}

export type ClientEvent = keyof ClientToServerEvents;
export type ServerEvent = keyof ServerToClientEvents;

/** What the acknowledgement of a client event carries. */
export type AckOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[1] extends
  ((reply: infer R) => void) | undefined
  ? R
  : never;

/** The payload of a server event. */
export type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];
