import { randomBytes } from 'node:crypto';
import { GraphQLResponse } from './graphql-client';
import { TestApp } from './test-app';

/** Conversations and messages through GraphQL (`startConversation`, `sendMessage`, `messages`), as a client would call them. */
export interface MessageNode {
  id: string;
  conversationId: string;
  body: string;
  clientId: string;
  seq: number;
  createdAt: string;
  sender: { id: string } | null;
}

export interface MessagePage {
  edges: { cursor: string; node: MessageNode }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export interface ConversationNode {
  id: string;
  kind: 'DIRECT' | 'GROUP';
  title: string | null;
  updatedAt: string;
  unreadCount: number;
  participants: { id: string }[];
  lastMessage: MessageNode | null;
}

export const MESSAGE_FIELDS = 'id conversationId body clientId seq createdAt sender { id }';
export const CONVERSATION_FIELDS = `id kind title updatedAt unreadCount participants { id } lastMessage { ${MESSAGE_FIELDS} }`;

export const START = `mutation($ids: [ID!]!, $title: String) {
  startConversation(participantIds: $ids, title: $title) { ${CONVERSATION_FIELDS} } }`;
export const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE_FIELDS} } }`;
export const MESSAGES = `query($c: ID!, $first: Int! = 50, $after: String, $before: String) {
  messages(conversationId: $c, first: $first, after: $after, before: $before) {
    edges { cursor node { ${MESSAGE_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** A fresh clientId, as a device would make one. */
export const newClientId = () => `c-${randomBytes(8).toString('hex')}`;

function must<T>(res: GraphQLResponse<Record<string, T>>, what: string): T {
  const value = res.data ? Object.values(res.data)[0] : undefined;
  if (res.errors?.length || value === undefined || value === null)
    throw new Error(`${what} failed: ${JSON.stringify(res.errors)}`);
  return value;
}

export async function startConversation(
  app: TestApp,
  token: string,
  participantIds: string[],
  title?: string,
): Promise<ConversationNode> {
  return must(await app.gql<Record<string, ConversationNode>>(START, { ids: participantIds, title }, token), 'start');
}

export async function sendMessage(
  app: TestApp,
  token: string,
  conversationId: string,
  body: string,
  clientId = newClientId(),
): Promise<MessageNode> {
  const input = { conversationId, body, clientId };
  return must(await app.gql<Record<string, MessageNode>>(SEND, { input }, token), 'sendMessage');
}

export async function messagesPage(
  app: TestApp,
  token: string,
  conversationId: string,
  args: { first?: number; after?: string; before?: string } = {},
): Promise<MessagePage> {
  return must(await app.gql<Record<string, MessagePage>>(MESSAGES, { c: conversationId, ...args }, token), 'messages');
}

/** Every message after `after` (all of them without it), following pages forward. */
export async function messagesAfter(
  app: TestApp,
  token: string,
  conversationId: string,
  after?: string,
  pageSize = 50,
): Promise<MessageNode[]> {
  const all: MessageNode[] = [];
  let cursor = after;
  if (cursor === undefined) {
    // Without `after` the newest page comes back: walk to the oldest first.
    let page = await messagesPage(app, token, conversationId, { first: pageSize });
    const pages = [page];
    while (page.pageInfo.hasPreviousPage && page.pageInfo.startCursor) {
      page = await messagesPage(app, token, conversationId, { first: pageSize, before: page.pageInfo.startCursor });
      pages.unshift(page);
    }
    return pages.flatMap((p) => p.edges.map((edge) => edge.node));
  }
  for (;;) {
    const page = await messagesPage(app, token, conversationId, { first: pageSize, after: cursor });
    all.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return all;
    cursor = page.pageInfo.endCursor;
  }
}
