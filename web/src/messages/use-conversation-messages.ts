import { useCallback, useEffect, useReducer, useRef } from 'react';
import { graphql } from '../gql';
import { ApiError } from '../lib/errors/app-error-info';
import { graphqlClient } from '../lib/graphql/client';
import { realtime } from '../lib/socket/socket';
import type { SocketMessage } from '../lib/socket/socket-events';
import { useConnectionState, useSocketEvent } from '../lib/socket/use-socket';

const PAGE = 30;
/** How long a send may wait for the server's acknowledgement before it counts as failed. */
const ACK_TIMEOUT_MS = 10_000;

const ConversationMessagesQuery = graphql(`
  query ConversationMessages($conversationId: ID!, $first: Int!, $after: String, $before: String) {
    messages(conversationId: $conversationId, first: $first, after: $after, before: $before) {
      edges {
        node {
          id
          seq
          body
          clientId
          createdAt
          sender {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
      }
    }
  }
`);

/** One message as this page keeps it, whether it came through GraphQL or the socket. */
export interface ChatMessage {
  id: string;
  seq: number;
  body: string;
  clientId: string;
  createdAt: string;
  senderId: string | null;
}

/** A message typed here that the server has not acknowledged yet (or refused). */
export interface PendingMessage {
  clientId: string;
  body: string;
  status: 'sending' | 'failed';
  error?: unknown;
}

interface State {
  messages: ChatMessage[];
  pending: PendingMessage[];
  loaded: boolean;
  hasOlder: boolean;
  loadError: unknown;
}

type Action =
  | { type: 'merge'; messages: ChatMessage[] }
  | { type: 'loaded'; hasOlder: boolean }
  | { type: 'older'; hasOlder: boolean }
  | { type: 'loadError'; error: unknown }
  | { type: 'sending'; clientId: string; body: string }
  | { type: 'failed'; clientId: string; error: unknown };

/** Messages merged by id and ordered by their place in the conversation: nothing lost, nothing twice. */
function merge(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    if (!byId.has(message.id)) changed = true;
    byId.set(message.id, message);
  }
  if (!changed) return current;
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'merge': {
      const arrived = new Set(action.messages.map((m) => m.clientId));
      return {
        ...state,
        messages: merge(state.messages, action.messages),
        pending: state.pending.some((p) => arrived.has(p.clientId))
          ? state.pending.filter((p) => !arrived.has(p.clientId))
          : state.pending,
      };
    }
    case 'loaded':
      return { ...state, loaded: true, hasOlder: action.hasOlder, loadError: null };
    case 'older':
      return { ...state, hasOlder: action.hasOlder };
    case 'loadError':
      return { ...state, loadError: action.error };
    case 'sending': {
      const others = state.pending.filter((p) => p.clientId !== action.clientId);
      const existing = state.pending.find((p) => p.clientId === action.clientId);
      const entry: PendingMessage = { clientId: action.clientId, body: action.body, status: 'sending' };
      // A retry keeps its place; a new message goes last.
      return {
        ...state,
        pending: existing ? state.pending.map((p) => (p.clientId === action.clientId ? entry : p)) : [...others, entry],
      };
    }
    case 'failed':
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientId === action.clientId ? { ...p, status: 'failed', error: action.error } : p,
        ),
      };
  }
}

interface MessageNode {
  id: string;
  seq: number;
  body: string;
  clientId: string;
  createdAt: string;
  sender?: { id: string } | null;
}

const fromGraphql = (node: MessageNode): ChatMessage => ({
  id: node.id,
  seq: node.seq,
  body: node.body,
  clientId: node.clientId,
  createdAt: node.createdAt,
  senderId: node.sender?.id ?? null,
});

const fromSocket = (message: SocketMessage): ChatMessage => ({
  id: message.id,
  seq: message.seq,
  body: message.body,
  clientId: message.clientId,
  createdAt: message.createdAt,
  senderId: message.senderId,
});

async function fetchPage(conversationId: string, args: { after?: string; before?: string }) {
  const result = await graphqlClient
    .query(
      ConversationMessagesQuery,
      { conversationId, first: PAGE, after: args.after ?? null, before: args.before ?? null },
      { requestPolicy: 'network-only' },
    )
    .toPromise();
  if (result.error) throw result.error;
  if (!result.data) throw new ApiError({ code: 'INTERNAL_SERVER_ERROR' });
  return result.data.messages;
}

/**
 * A conversation's messages, live: the latest page, older pages on demand, `message:new` merged as
 * it comes, a catch-up through `messages(after:)` after a lost connection, and sends over the socket
 * with a clientId that a retry reuses (the server answers a repeated clientId with the first message).
 */
export function useConversationMessages(conversationId: string) {
  const [state, dispatch] = useReducer(reducer, {
    messages: [],
    pending: [],
    loaded: false,
    hasOlder: false,
    loadError: null,
  });
  const latest = useRef(state);
  latest.current = state;

  const load = useCallback(async () => {
    try {
      const page = await fetchPage(conversationId, {});
      dispatch({ type: 'merge', messages: page.edges.map((e) => fromGraphql(e.node)) });
      dispatch({ type: 'loaded', hasOlder: page.pageInfo.hasPreviousPage });
    } catch (error) {
      dispatch({ type: 'loadError', error });
    }
  }, [conversationId]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Everything after the last message this page holds, page after page. */
  const catchingUp = useRef(false);
  const catchUp = useCallback(async () => {
    if (catchingUp.current) return;
    catchingUp.current = true;
    try {
      for (;;) {
        const messages = latest.current.messages;
        const last = messages[messages.length - 1];
        if (!last) return void (await load());
        const page = await fetchPage(conversationId, { after: last.id });
        dispatch({ type: 'merge', messages: page.edges.map((e) => fromGraphql(e.node)) });
        if (!page.pageInfo.hasNextPage || page.edges.length === 0) return;
      }
    } catch (error) {
      dispatch({ type: 'loadError', error });
    } finally {
      catchingUp.current = false;
    }
  }, [conversationId, load]);

  /** The page before the first message held; resolves to how many came. */
  const loadOlder = useCallback(async (): Promise<number> => {
    const first = latest.current.messages[0];
    if (!first) return 0;
    try {
      const page = await fetchPage(conversationId, { before: first.id });
      dispatch({ type: 'merge', messages: page.edges.map((e) => fromGraphql(e.node)) });
      dispatch({ type: 'older', hasOlder: page.pageInfo.hasPreviousPage });
      return page.edges.length;
    } catch (error) {
      dispatch({ type: 'loadError', error });
      return 0;
    }
  }, [conversationId]);

  useSocketEvent('message:new', (message) => {
    if (message.conversationId === conversationId) dispatch({ type: 'merge', messages: [fromSocket(message)] });
  });

  // Back from a lost connection (or a sleeping tab): fetch what was sent meanwhile.
  const connection = useConnectionState();
  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current !== 'connected' && connection === 'connected' && latest.current.loaded) void catchUp();
    previous.current = connection;
  }, [connection, catchUp]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && latest.current.loaded) void catchUp();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [catchUp]);

  const deliver = useCallback(
    async (clientId: string, body: string) => {
      dispatch({ type: 'sending', clientId, body });
      const socket = realtime().socket;
      try {
        if (!socket.connected) throw new ApiError({ code: 'NETWORK' });
        const reply = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('message:send', { conversationId, body, clientId });
        if (!reply.ok) throw new ApiError(reply.error);
        dispatch({ type: 'merge', messages: [fromSocket(reply.message)] });
      } catch (error) {
        dispatch({
          type: 'failed',
          clientId,
          error: error instanceof ApiError ? error : new ApiError({ code: 'NETWORK' }),
        });
      }
    },
    [conversationId],
  );

  /** A new message: its clientId is chosen here, once. */
  const send = useCallback((body: string) => deliver(crypto.randomUUID(), body), [deliver]);
  /** The same message again, with the same clientId: never a copy. */
  const retry = useCallback(
    (clientId: string) => {
      const entry = latest.current.pending.find((p) => p.clientId === clientId);
      if (entry) void deliver(clientId, entry.body);
    },
    [deliver],
  );

  return { ...state, send, retry, loadOlder, reload: load };
}
