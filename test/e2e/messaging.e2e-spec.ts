import { randomUUID } from 'node:crypto';
import {
  CONVERSATION_FIELDS,
  ConversationNode,
  MESSAGES,
  messagesAfter,
  messagesPage,
  newClientId,
  SEND,
  sendMessage,
  START,
  startConversation,
} from '../support/conversations';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/** Conversations and messages through GraphQL; the Socket.io side is in realtime.e2e-spec. */
const CONVERSATION = `query($id: ID!) { conversation(id: $id) { ${CONVERSATION_FIELDS} } }`;
const CONVERSATIONS = `query($first: Int!, $after: String) { conversations(first: $first, after: $after) {
  edges { cursor node { ${CONVERSATION_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const MARK_READ = `mutation($c: ID!, $m: ID!) { markConversationRead(conversationId: $c, messageId: $m) { id unreadCount } }`;

describe('messaging (GraphQL)', () => {
  let app: TestApp;
  let alice: Session;
  let bob: Session;
  let carol: Session;
  let dave: Session;
  let outsider: Session;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    [alice, bob, carol, dave, outsider] = await Promise.all(
      ['Alice', 'Bruno', 'Carole', 'David', 'Étienne'].map((name) =>
        newMember(app, admin.accessToken, fed, 'MEMBER', name),
      ),
    );
  });
  afterAll(() => app.close());

  const call = (who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<Record<string, unknown>>(query, variables, who.accessToken);
  const fields = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.fields;
  const ids = (list: { id: string }[]) => list.map((item) => item.id);
  const sorted = (list: string[]) => [...list].sort();
  const body = (n: number) => `Message numéro ${n}`;

  describe('startConversation', () => {
    it('returns the existing DIRECT conversation for the same pair, from either side', async () => {
      const first = await startConversation(app, alice.accessToken, [bob.userId]);
      expect(first.kind).toBe('DIRECT');
      expect(first.title).toBeNull();
      expect(sorted(ids(first.participants))).toEqual(sorted([alice.userId, bob.userId]));
      expect((await startConversation(app, alice.accessToken, [bob.userId])).id).toBe(first.id);
      expect((await startConversation(app, bob.accessToken, [alice.userId])).id).toBe(first.id);
      expect((await startConversation(app, bob.accessToken, [alice.userId, bob.userId])).id).toBe(first.id);
      const other = await startConversation(app, alice.accessToken, [carol.userId]);
      expect(other.id).not.toBe(first.id);
    });

    it('starts a GROUP conversation with a title and several people', async () => {
      const ids3 = [bob.userId, carol.userId, dave.userId];
      const group = await startConversation(app, alice.accessToken, ids3, 'Bureau du club');
      expect(group).toMatchObject({ kind: 'GROUP', title: 'Bureau du club', lastMessage: null, unreadCount: 0 });
      expect(sorted(ids(group.participants))).toEqual(sorted([alice.userId, ...ids3]));
      const again = await startConversation(app, alice.accessToken, ids3, 'Bureau du club');
      expect(again.id).not.toBe(group.id);
      for (const who of [bob, carol, dave]) {
        const res = await call(who, CONVERSATION, { id: group.id });
        expect(res.errors).toBeUndefined();
      }
    });

    it('refuses an unknown participant (NOT_FOUND), an empty list or only oneself (BAD_USER_INPUT)', async () => {
      expect(errorCode(await call(alice, START, { ids: [randomUUID()] }))).toBe('NOT_FOUND');
      expect(errorCode(await call(alice, START, { ids: [bob.userId, randomUUID()], title: 'T' }))).toBe('NOT_FOUND');
      for (const participantIds of [[], [alice.userId], [alice.userId, alice.userId]]) {
        const res = await call(alice, START, { ids: participantIds });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fields(res)).toEqual(['participantIds']);
      }
    });
  });

  describe('sendMessage', () => {
    let direct: string;
    beforeAll(async () => {
      direct = (await startConversation(app, carol.accessToken, [dave.userId])).id;
    });

    it('numbers messages 1, 2, 3… in send order', async () => {
      const sent = [];
      for (let n = 1; n <= 5; n++)
        sent.push(await sendMessage(app, n % 2 ? carol.accessToken : dave.accessToken, direct, body(n)));
      expect(sent.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(sent.map((m) => m.sender?.id)).toEqual([carol, dave, carol, dave, carol].map((s) => s.userId));
      expect(sent[0]).toMatchObject({ conversationId: direct, body: body(1) });
      expect(Number.isNaN(Date.parse(sent[0].createdAt))).toBe(false);
    });

    it('is idempotent: the same clientId returns the first message, never a copy', async () => {
      const clientId = newClientId();
      const first = await sendMessage(app, carol.accessToken, direct, 'Une seule fois', clientId);
      const again = await sendMessage(app, carol.accessToken, direct, 'Une seule fois', clientId);
      const changed = await sendMessage(app, carol.accessToken, direct, 'Autre texte', clientId);
      expect(again).toEqual(first);
      expect(changed).toEqual(first);
      const all = await messagesAfter(app, dave.accessToken, direct);
      expect(all.filter((m) => m.clientId === clientId)).toEqual([first]);
      expect(all.at(-1)?.id).toBe(first.id);
      // The key is (sender, clientId): the same clientId from someone else is their own message.
      const daves = await sendMessage(app, dave.accessToken, direct, 'Même identifiant', clientId);
      expect(daves.id).not.toBe(first.id);
      expect(daves.seq).toBe(first.seq + 1);
    });

    it('refuses a body over 4,000 characters or blank, and a bad clientId (BAD_USER_INPUT)', async () => {
      for (const text of ['x'.repeat(4_001), '', '   \n\t ']) {
        const res = await call(carol, SEND, { input: { conversationId: direct, body: text, clientId: newClientId() } });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fields(res)).toEqual(['body']);
      }
      const res = await call(carol, SEND, { input: { conversationId: direct, body: 'ok', clientId: 'a b/c' } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fields(res)).toEqual(['clientId']);
      const longest = await sendMessage(app, carol.accessToken, direct, 'é'.repeat(4_000));
      expect(longest.body).toHaveLength(4_000);
    });

    it('hides a conversation from non-participants exactly as if it did not exist (NOT_FOUND)', async () => {
      const [message] = (await messagesPage(app, carol.accessToken, direct, { first: 1 })).edges.map((e) => e.node);
      for (const id of [direct, randomUUID()]) {
        expect(errorCode(await call(outsider, CONVERSATION, { id }))).toBe('NOT_FOUND');
        expect(errorCode(await call(outsider, MESSAGES, { c: id }))).toBe('NOT_FOUND');
        const input = { conversationId: id, body: 'Intrus', clientId: newClientId() };
        expect(errorCode(await call(outsider, SEND, { input }))).toBe('NOT_FOUND');
        expect(errorCode(await call(outsider, MARK_READ, { c: id, m: message.id }))).toBe('NOT_FOUND');
      }
      const all = await messagesAfter(app, carol.accessToken, direct);
      expect(all.map((m) => m.body)).not.toContain('Intrus');
      const list = (await call(outsider, CONVERSATIONS, { first: 100 })).data?.conversations as {
        edges: { node: { id: string } }[];
      };
      expect(list.edges.map((e) => e.node.id)).not.toContain(direct);
    });
  });

  describe('messages', () => {
    let conversation: string;
    let sent: string[];
    beforeAll(async () => {
      conversation = (await startConversation(app, alice.accessToken, [dave.userId], 'Pagination')).id;
      sent = [];
      for (let n = 1; n <= 7; n++) sent.push((await sendMessage(app, alice.accessToken, conversation, body(n))).id);
    });
    const page = (args: { first?: number; after?: string; before?: string }) =>
      messagesPage(app, dave.accessToken, conversation, args);
    const pageIds = (p: { edges: { node: { id: string } }[] }) => p.edges.map((e) => e.node.id);

    it('returns the newest page in send order, then older ones with `before`', async () => {
      const newest = await page({ first: 3 });
      expect(pageIds(newest)).toEqual(sent.slice(4));
      expect(newest.edges.map((e) => e.cursor)).toEqual(sent.slice(4));
      expect(newest.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: sent[4],
        endCursor: sent[6],
      });
      const older = await page({ first: 3, before: newest.pageInfo.startCursor! });
      expect(pageIds(older)).toEqual(sent.slice(1, 4));
      expect(older.pageInfo.hasPreviousPage).toBe(true);
      const oldest = await page({ first: 3, before: older.pageInfo.startCursor! });
      expect(pageIds(oldest)).toEqual(sent.slice(0, 1));
      expect(oldest.pageInfo.hasPreviousPage).toBe(false);
      expect(pageIds(await page({ first: 50 }))).toEqual(sent);
    });

    it('catches up with `after: <message id>`: no gap, no duplicate', async () => {
      const next = await page({ first: 3, after: sent[1] });
      expect(pageIds(next)).toEqual(sent.slice(2, 5));
      expect(next.pageInfo).toMatchObject({ hasNextPage: true, endCursor: sent[4] });
      const rest = await page({ first: 3, after: next.pageInfo.endCursor! });
      expect(pageIds(rest)).toEqual(sent.slice(5));
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const none = await page({ first: 3, after: sent[6] });
      expect(none.edges).toEqual([]);
      expect(none.pageInfo.hasNextPage).toBe(false);
      for (let k = 0; k < sent.length; k++) {
        expect((await messagesAfter(app, dave.accessToken, conversation, sent[k], 2)).map((m) => m.id)).toEqual(
          sent.slice(k + 1),
        );
      }
      const between = await page({ first: 10, after: sent[1], before: sent[5] });
      expect(pageIds(between)).toEqual(sent.slice(2, 5));
    });

    it('refuses a page size outside 1..100 and a cursor of another conversation (BAD_USER_INPUT)', async () => {
      for (const first of [0, 101])
        expect(errorCode(await call(dave, MESSAGES, { c: conversation, first }))).toBe('BAD_USER_INPUT');
      const elsewhere = await sendMessage(
        app,
        alice.accessToken,
        (await startConversation(app, alice.accessToken, [dave.userId])).id,
        'x',
      );
      expect(errorCode(await call(dave, MESSAGES, { c: conversation, after: elsewhere.id }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('conversations, unreadCount and markConversationRead', () => {
    it('lists conversations most recently active first, with their lastMessage', async () => {
      const list = async (who: Session) =>
        (
          (await call(who, CONVERSATIONS, { first: 100 })).data?.conversations as {
            edges: { node: ConversationNode }[];
          }
        ).edges.map((e) => e.node);
      const [x, y, z] = [
        await startConversation(app, bob.accessToken, [carol.userId], 'X'),
        await startConversation(app, bob.accessToken, [carol.userId], 'Y'),
        await startConversation(app, bob.accessToken, [carol.userId], 'Z'),
      ];
      const inY = await sendMessage(app, carol.accessToken, y.id, 'dans Y');
      let order = await list(bob);
      expect(order[0]).toMatchObject({ id: y.id, lastMessage: inY });
      const inX = await sendMessage(app, bob.accessToken, x.id, 'dans X');
      order = await list(bob);
      expect(order.slice(0, 2).map((c) => c.id)).toEqual([x.id, y.id]);
      expect(order[0].lastMessage).toEqual(inX);
      expect(order.find((c) => c.id === z.id)?.lastMessage).toBeNull();
      expect((await list(carol)).slice(0, 2).map((c) => c.id)).toEqual([x.id, y.id]);
      const paged = (await call(bob, CONVERSATIONS, { first: 1 })).data?.conversations as {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      expect(paged.edges.map((e) => e.node.id)).toEqual([x.id]);
      expect(paged.pageInfo.hasNextPage).toBe(true);
      const second = (await call(bob, CONVERSATIONS, { first: 1, after: paged.pageInfo.endCursor })).data
        ?.conversations as { edges: { node: { id: string } }[] };
      expect(second.edges.map((e) => e.node.id)).toEqual([y.id]);
    });

    it("counts others' unread messages and moves the read position forward only", async () => {
      const conversation = (await startConversation(app, alice.accessToken, [outsider.userId], 'Non lus')).id;
      const unread = async (who: Session) =>
        ((await call(who, CONVERSATION, { id: conversation })).data?.conversation as ConversationNode).unreadCount;
      const mine = await sendMessage(app, alice.accessToken, conversation, 'de moi');
      const theirs = [];
      for (let n = 1; n <= 3; n++) theirs.push(await sendMessage(app, outsider.accessToken, conversation, body(n)));
      expect(await unread(alice)).toBe(3);
      expect(await unread(outsider)).toBe(1);
      const mark = async (who: Session, messageId: string) => {
        const res = await call(who, MARK_READ, { c: conversation, m: messageId });
        expect(res.errors).toBeUndefined();
        return (res.data?.markConversationRead as { unreadCount: number }).unreadCount;
      };
      expect(await mark(alice, theirs[1].id)).toBe(1);
      expect(await mark(alice, theirs[0].id)).toBe(1); // never backwards
      expect(await mark(alice, mine.id)).toBe(1);
      expect(await unread(alice)).toBe(1);
      expect(await mark(alice, theirs[2].id)).toBe(0);
      expect(await unread(outsider)).toBe(1);
      expect(await mark(outsider, mine.id)).toBe(0);
      await sendMessage(app, outsider.accessToken, conversation, 'encore');
      expect(await unread(alice)).toBe(1);
      expect(errorCode(await call(alice, MARK_READ, { c: conversation, m: randomUUID() }))).toBe('NOT_FOUND');
    });

    it('tells participants how far each one has read (readPositions), and nobody else', async () => {
      const READ_POSITIONS = `query($id: ID!) { conversation(id: $id) { readPositions { userId lastReadSeq } } }`;
      const conversation = (await startConversation(app, carol.accessToken, [dave.userId])).id;
      const positions = async (who: Session) => {
        const res = await call(who, READ_POSITIONS, { id: conversation });
        expect(res.errors).toBeUndefined();
        const list = (res.data?.conversation as { readPositions: { userId: string; lastReadSeq: number }[] })
          .readPositions;
        return Object.fromEntries(list.map((p) => [p.userId, p.lastReadSeq]));
      };
      expect(await positions(carol)).toEqual({ [carol.userId]: 0, [dave.userId]: 0 });
      const first = await sendMessage(app, carol.accessToken, conversation, 'un');
      const second = await sendMessage(app, carol.accessToken, conversation, 'deux');
      expect((await call(dave, MARK_READ, { c: conversation, m: first.id })).errors).toBeUndefined();
      expect(await positions(carol)).toEqual({ [carol.userId]: 0, [dave.userId]: first.seq });
      expect((await call(dave, MARK_READ, { c: conversation, m: second.id })).errors).toBeUndefined();
      expect((await positions(dave))[dave.userId]).toBe(second.seq);
      expect(errorCode(await call(outsider, READ_POSITIONS, { id: conversation }))).toBe('NOT_FOUND');
    });
  });
});
