import { randomBytes } from 'node:crypto';
import { codesOf, ok } from '../support/adversarial';
import { sendMessage, startConversation } from '../support/conversations';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, invite, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, addGroupMember, createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { acceptAsExisting, answerQuestion, askQuestion, rowsHolding, updateProfile } from '../support/privacy-fixtures';
import { search } from '../support/search';
import { closeAllSockets, connectError, connectSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/** Privacy and administration (README, "Security and privacy"): password change, deactivation, export, erasure, directory consent, audit log; and field guards. */
const ME = '{ me { id } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const REFRESH = 'mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken } }';
const CHANGE = 'mutation($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) }';
const DEACTIVATE = 'mutation($u: ID!) { deactivateUser(userId: $u) }';
const USER = 'query($id: ID!) { user(id: $id) { email phone jobTitle profileVisibility { email phone jobTitle } } }';
const PEOPLE = 'query($s: String) { people(search: $s, first: 100) { edges { node { id } } } }';
const AUDIT = `query($o: ID!) { auditLog(organizationId: $o, first: 100) {
  edges { node { action targetType targetId actor { id } details createdAt } } } }`;
const Q = {
  delete: 'mutation($p: String!) { deleteMyAccount(password: $p) }',
  post: 'query($id: ID!) { post(id: $id) { body author { displayName } comments { edges { node { body author { displayName } } } } } }',
  messages: 'query($c: ID!) { messages(conversationId: $c) { edges { node { id body sender { displayName } } } } }',
  revoke: 'mutation($id: ID!) { revokeInvitation(id: $id) }',
  role: 'mutation($o: ID!, $u: ID!) { setMemberRole(organizationId: $o, userId: $u, role: STAFF) { role } }',
  remove: 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }',
  deletePost: 'mutation($id: ID!) { deletePost(id: $id) }',
  privatize: 'mutation($id: ID!) { updateGroup(id: $id, input: { visibility: PRIVATE }) { id } }',
  question: 'query($id: ID!) { question(id: $id) { title answers { edges { node { body } } } } }',
  conversation: 'query($id: ID!) { conversation(id: $id) { messages { edges { node { body } } } } }',
  nested:
    'query($id: ID!) { group(id: $id) { name questions { edges { node { answers { edges { node { body } } } } } } } }',
  members: 'query($id: ID!) { group(id: $id) { members { edges { node { user { id email } } } } } }',
};
const FORMER = 'Ancien membre';
const ERASED_FROM = 'users sessions refresh_tokens organization_memberships group_memberships notifications'.split(' ');
const hex = () => randomBytes(4).toString('hex');

interface Profile {
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  profileVisibility: { email: boolean; phone: boolean; jobTitle: boolean } | null;
}
type Edges<T> = { edges: { node: T }[] };
type Author = { displayName: string } | null;
type PostView = { post: { body: string; author: Author; comments: Edges<{ body: string; author: Author }> } };
type Entry = {
  action: string;
  targetType: string;
  targetId: string;
  actor: { id: string } | null;
  details: object;
  createdAt: string;
};

describe('privacy and administration', () => {
  let app: TestApp;
  let admin: Session, northAdmin: Session, southAdmin: Session, clubAdmin: Session, member: Session;
  let north: string, south: string, club: string, group: string;
  const as = <T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<T>(query, variables, who.accessToken);
  const clubGroup = (name: string, visibility: 'PUBLIC' | 'PRIVATE') =>
    createGroup(app, clubAdmin.accessToken, { organizationId: club, name, visibility });
  const person = (name: string) => newMember(app, admin.accessToken, club, 'MEMBER', name);
  const works = async (who: Session) => expect((await as(who, ME)).data).toEqual({ me: { id: who.userId } });
  const peopleIds = async (who: Session, s: string) =>
    ok(await as<{ people: Edges<{ id: string }> }>(who, PEOPLE, { s })).people.edges.map((e) => e.node.id);
  const personHits = async (who: Session, q: string) =>
    (await search(app, who.accessToken, q, { types: ['PERSON'] })).hits.map((h) => h.id);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    const org = (name: string, kind: 'REGION' | 'ASSOCIATION', parentId: string) =>
      createOrganization(app, admin.accessToken, { name, kind, parentId });
    [north, south] = await Promise.all([org('Ligue du Nord', 'REGION', fed), org('Ligue du Sud', 'REGION', fed)]);
    club = await org('Club de Lille', 'ASSOCIATION', north);
    northAdmin = await newMember(app, admin.accessToken, north, 'ADMIN', 'Nadia Nord');
    southAdmin = await newMember(app, admin.accessToken, south, 'ADMIN', 'Sacha Sud');
    clubAdmin = await newMember(app, admin.accessToken, club, 'ADMIN', 'Claire Club');
    member = await person('Marie Membre');
    group = await clubGroup('Vie du club', 'PUBLIC');
    await joinGroup(app, member.accessToken, group);
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await app?.close();
  });

  describe('changePassword', () => {
    it('needs the current password and 12+ characters; ends the OTHER sessions only; the new password logs in', async () => {
      const paul = await person('Paul Motdepasse');
      const other = await login(app, paul.email, paul.password);
      const socket = await connectSocket(app.url, other.accessToken);
      expect(codesOf(await as(paul, CHANGE, { a: 'not-the-password', b: 'un-nouveau-mot-de-passe' }))).toEqual([
        'UNAUTHENTICATED',
      ]);
      const short = await as(paul, CHANGE, { a: paul.password, b: 'court' });
      expect(codesOf(short)).toEqual(['BAD_USER_INPUT']);
      expect(short.errors?.[0].extensions?.fields).toEqual(['newPassword']);
      await works(other); // nothing changed so far

      const fresh = 'un-nouveau-mot-de-passe';
      expect(ok(await as(paul, CHANGE, { a: paul.password, b: fresh }))).toEqual({ changePassword: true });
      expect(codesOf(await as(other, ME))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await app.gql(REFRESH, { r: other.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      await socket.disconnectedWithin(5_000);
      await works(paul);
      expect(ok(await app.gql(REFRESH, { r: paul.refreshToken })).refreshToken).toBeDefined();
      expect((await login(app, paul.email, fresh)).userId).toBe(paul.userId);
      expect(codesOf(await app.gql(LOGIN, { e: paul.email, p: paul.password }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('deactivateUser', () => {
    it('is refused to a plain member and to an admin of an unrelated region; the person keeps working', async () => {
      const target = await person('Roland Intact');
      for (const who of [member, southAdmin]) {
        const codes = codesOf(await as(who, DEACTIVATE, { u: target.userId }));
        expect(codes).toHaveLength(1);
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codes[0]);
      }
      await works(target);
      expect((await login(app, target.email, target.password)).userId).toBe(target.userId);
    });

    it('by an admin of one of their organisations: no login, token refused, socket cut, gone from people and search', async () => {
      const name = `Théodore Zinzolin${hex()}`;
      const target = await person(name);
      const socket = await connectSocket(app.url, target.accessToken);
      expect(await peopleIds(member, name)).toContain(target.userId);
      await eventually(async () => expect(await personHits(member, name)).toContain(target.userId));

      expect(ok(await as(clubAdmin, DEACTIVATE, { u: target.userId }))).toEqual({ deactivateUser: true });
      expect(codesOf(await app.gql(LOGIN, { e: target.email, p: target.password }))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await as(target, ME))).toEqual(['UNAUTHENTICATED']);
      await socket.disconnectedWithin(5_000);
      expect(await connectError(app.url, { token: target.accessToken })).toBe('UNAUTHENTICATED');
      expect(await peopleIds(member, name)).not.toContain(target.userId);
      await eventually(async () => expect(await personHits(member, name)).not.toContain(target.userId));
    });

    it('is FORBIDDEN to the admin of only one of their organisations (see deactivation.e2e-spec.ts)', async () => {
      // The bootstrap admin also joins the northern league: its admin does not administer the federation.
      const invitation = await invite(app, admin.accessToken, north, app.admin.email);
      await acceptAsExisting(app, invitation.token, app.admin.password);
      expect(codesOf(await as(northAdmin, DEACTIVATE, { u: admin.userId }))).toEqual(['FORBIDDEN']);
      await works(admin);
    });
  });

  describe('exportMyData', () => {
    it('holds the viewer’s profile, memberships, content, votes, messages, notifications and logins; nobody else’s', async () => {
      const emma = await person('Emma Exportée');
      const O = `oscar${hex()}`;
      const oscar = await person(`Oscar ${O}`);
      await Promise.all([emma, oscar].map((who) => joinGroup(app, who.accessToken, group)));
      await updateProfile(app, emma, { bio: 'Bio d’Emma', phone: '+33 6 11 22 33 44' });
      await updateProfile(app, oscar, { bio: `Bio ${O}`, phone: '+33 7 99 88 77 66' });
      const emmaPost = await createPost(app, emma.accessToken, group, 'Publication d’Emma');
      const oscarPost = await createPost(app, oscar.accessToken, group, `Publication ${O}`);
      await addComment(app, oscar.accessToken, emmaPost, `Commentaire ${O}`);
      await addComment(app, emma.accessToken, oscarPost, 'Commentaire d’Emma');
      const emmaQuestion = await askQuestion(app, emma, group, 'Question d’Emma ?', 'Corps de la question d’Emma');
      const oscarQuestion = await askQuestion(app, oscar, group, `Question ${O} ?`, `Corps ${O}`);
      const oscarAnswer = await answerQuestion(app, oscar, emmaQuestion, `Réponse ${O}`);
      await answerQuestion(app, emma, oscarQuestion, 'Réponse d’Emma');
      ok(await as(emma, 'mutation($a: ID!) { voteAnswer(answerId: $a, value: 1) { score } }', { a: oscarAnswer }));
      const conversation = (await startConversation(app, emma.accessToken, [oscar.userId])).id;
      await sendMessage(app, emma.accessToken, conversation, 'Message d’Emma');
      await sendMessage(app, oscar.accessToken, conversation, `Message ${O}`);

      const data = ok(await as<{ exportMyData: Record<string, unknown[]> }>(emma, '{ exportMyData }')).exportMyData;
      const text = JSON.stringify(data);
      const mine =
        'Emma Exportée|Bio d’Emma|+33 6 11 22 33 44|Club de Lille|Vie du club|Publication d’Emma|Commentaire d’Emma|Question d’Emma ?|Réponse d’Emma|Message d’Emma|NEW_COMMENT|NEW_ANSWER';
      for (const item of [emma.email, oscarAnswer, ...mine.split('|')])
        expect({ item, found: text.includes(item) }).toEqual({ item, found: true });
      expect(data.votes).toEqual([expect.objectContaining({ value: 1 })]);
      expect(data.loginHistory.length).toBeGreaterThanOrEqual(1);
      for (const theirs of [O, oscar.email, oscar.userId, '+33 7 99 88 77 66'])
        expect({ theirs, found: text.includes(theirs) }).toEqual({ theirs, found: false });
    });
  });

  describe('deleteMyAccount', () => {
    it('erases the person; contributions remain as “Ancien membre”; tokens and sockets die', async () => {
      const name = `Zéphyrin Quaglioni${hex()}`;
      const gone = await person(name);
      const colette = await person('Colette Correspondante');
      await Promise.all([gone, colette].map((who) => joinGroup(app, who.accessToken, group)));
      const bio = `bio-${hex()}`;
      const phone = `+33 6 ${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
      await updateProfile(app, gone, { bio, phone });
      const post = await createPost(app, gone.accessToken, group, `Annonce ${hex()}`);
      const colettePost = await createPost(app, colette.accessToken, group, 'Publication de Colette');
      await addComment(app, gone.accessToken, colettePost, 'Bravo Colette');
      const conversation = (await startConversation(app, gone.accessToken, [colette.userId])).id;
      const message = await sendMessage(app, gone.accessToken, conversation, 'Bonjour Colette');
      const second = await login(app, gone.email, gone.password);
      const socket = await connectSocket(app.url, second.accessToken);
      await eventually(async () => {
        const ids = (await search(app, colette.accessToken, name)).hits.map((h) => h.id);
        expect(ids).toEqual(expect.arrayContaining([gone.userId, post])); // the person, and a post by author name
      });

      expect(codesOf(await as(gone, Q.delete, { p: 'not-the-password' }))).toEqual(['UNAUTHENTICATED']);
      expect(await app.sql('SELECT id FROM users WHERE id = $1', [gone.userId])).toHaveLength(1);
      await works(gone);
      expect(ok(await as(gone, Q.delete, { p: gone.password }))).toEqual({ deleteMyAccount: true });

      expect(await app.sql('SELECT id FROM users WHERE id = $1 OR email = $2', [gone.userId, gone.email])).toEqual([]);
      const nowhere = Object.fromEntries(ERASED_FROM.map((t) => [t, 0]));
      for (const personal of [gone.email, name, bio, phone, gone.userId])
        expect({ personal, rows: await rowsHolding(app, ERASED_FROM, personal) }).toEqual({ personal, rows: nowhere });

      expect(ok(await as<PostView>(colette, Q.post, { id: post })).post.author?.displayName).toBe(FORMER);
      const comments = ok(await as<PostView>(colette, Q.post, { id: colettePost })).post.comments.edges;
      expect(comments.map((e) => e.node)).toEqual([{ body: 'Bravo Colette', author: { displayName: FORMER } }]);
      const messages = ok(await as<{ messages: Edges<object> }>(colette, Q.messages, { c: conversation })).messages
        .edges;
      expect(messages.map((e) => e.node)).toEqual([
        { id: message.id, body: 'Bonjour Colette', sender: { displayName: FORMER } },
      ]);

      for (const session of [gone, second]) {
        expect(codesOf(await as(session, ME))).toEqual(['UNAUTHENTICATED']);
        expect(codesOf(await app.gql(REFRESH, { r: session.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      }
      await socket.disconnectedWithin(5_000);
      expect(await connectError(app.url, { token: second.accessToken })).toBe('UNAUTHENTICATED');
      expect(codesOf(await app.gql(LOGIN, { e: gone.email, p: gone.password }))).toEqual(['UNAUTHENTICATED']);
      await eventually(async () => {
        const hits = (await search(app, colette.accessToken, name)).hits;
        expect(hits.filter((h) => h.id === gone.userId || h.id === post)).toEqual([]);
      });
    });
  });

  describe('directory consent', () => {
    it('hides email and phone from other members by default; the person and admins above see them', async () => {
      const vera = await person('Véra Consentement');
      await updateProfile(app, vera, { jobTitle: 'Archiviste numismate', phone: '+33 6 55 44 33 22' });
      const seenBy = async (who: Session) => ok(await as<{ user: Profile }>(who, USER, { id: vera.userId })).user;
      expect(await seenBy(member)).toEqual({
        email: null,
        phone: null,
        jobTitle: 'Archiviste numismate',
        profileVisibility: null,
      });
      expect(await seenBy(southAdmin)).toMatchObject({ email: null, phone: null });
      for (const who of [vera, clubAdmin, northAdmin, admin])
        expect(await seenBy(who)).toMatchObject({ email: vera.email, phone: '+33 6 55 44 33 22' });
      expect((await seenBy(vera)).profileVisibility).toEqual({ email: false, phone: false, jobTitle: true });
      expect(await peopleIds(member, 'numismate')).toContain(vera.userId);

      await updateProfile(app, vera, { profileVisibility: { jobTitle: false } });
      expect((await seenBy(member)).jobTitle).toBeNull();
      expect(await peopleIds(member, 'numismate')).not.toContain(vera.userId);
      expect(await seenBy(vera)).toMatchObject({
        jobTitle: 'Archiviste numismate',
        profileVisibility: { email: false, phone: false, jobTitle: false },
      });
      expect((await seenBy(clubAdmin)).profileVisibility).toBeNull();
    });
  });

  describe('auditLog', () => {
    let entries: { action: string; targetType: string; targetId: string; actor: { id: string } }[];
    beforeAll(async () => {
      const [x, y, z, w] = await Promise.all(
        ['Xavier', 'Yasmine', 'Zoé', 'Wassim'].map((n) => newMember(app, clubAdmin.accessToken, club, 'MEMBER', n)),
      );
      const revoked = await invite(app, clubAdmin.accessToken, club, `revoquee.${hex()}@club.test`);
      ok(await as(clubAdmin, Q.revoke, { id: revoked.id }));
      ok(await as(clubAdmin, Q.role, { o: club, u: y.userId }));
      ok(await as(clubAdmin, Q.remove, { o: club, u: z.userId }));
      ok(await as(clubAdmin, DEACTIVATE, { u: w.userId }));
      const board = await clubGroup('Modération', 'PUBLIC');
      await addGroupMember(app, clubAdmin.accessToken, board, x.userId, 'MODERATOR');
      await joinGroup(app, y.accessToken, board);
      const post = await createPost(app, y.accessToken, board, 'Un message à modérer');
      ok(await as(x, Q.deletePost, { id: post }));
      ok(await as(clubAdmin, Q.privatize, { id: board }));
      const A = clubAdmin.userId;
      entries = [
        { action: 'invitation.created', targetType: 'invitation', targetId: revoked.id, actor: { id: A } },
        { action: 'invitation.revoked', targetType: 'invitation', targetId: revoked.id, actor: { id: A } },
        { action: 'member.role_changed', targetType: 'membership', targetId: y.userId, actor: { id: A } },
        { action: 'member.removed', targetType: 'membership', targetId: z.userId, actor: { id: A } },
        { action: 'user.deactivated', targetType: 'user', targetId: w.userId, actor: { id: A } },
        { action: 'post.deleted_by_moderator', targetType: 'post', targetId: post, actor: { id: x.userId } },
        { action: 'group.visibility_changed', targetType: 'group', targetId: board, actor: { id: A } },
      ];
    });

    it('records each administrative action, for the association’s admins and the region/federation admins above', async () => {
      for (const [who, organization] of [
        [clubAdmin, club],
        [northAdmin, club],
        [admin, club],
        [northAdmin, north],
      ] as const) {
        const log = ok(await as<{ auditLog: Edges<Entry> }>(who, AUDIT, { o: organization })).auditLog.edges;
        const nodes = log.map((e) => e.node);
        expect(nodes).toEqual(expect.arrayContaining(entries.map((entry) => expect.objectContaining(entry))));
        for (const node of nodes) expect(new Date(node.createdAt).getTime()).not.toBeNaN();
        expect(nodes.find((n) => n.action === 'member.role_changed')?.details).toEqual({ from: 'MEMBER', to: 'STAFF' });
        expect(nodes.find((n) => n.action === 'group.visibility_changed')?.details).toEqual({
          from: 'PUBLIC',
          to: 'PRIVATE',
        });
      }
    });

    it('is FORBIDDEN to a plain member and to an admin of an unrelated region', async () => {
      for (const who of [member, southAdmin]) expect(codesOf(await as(who, AUDIT, { o: club }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await as(clubAdmin, AUDIT, { o: north }))).toEqual(['FORBIDDEN']); // not above
    });
  });

  describe('field resolvers never reach past the root’s access check', () => {
    it('keeps a private group’s answers and others’ conversations NOT_FOUND at the root; emails stay hidden', async () => {
      const outsider = await newMember(app, admin.accessToken, south, 'MEMBER', 'Ulysse Dehors');
      const secret = await clubGroup('Bureau', 'PRIVATE');
      await addGroupMember(app, clubAdmin.accessToken, secret, member.userId);
      const question = await askQuestion(app, member, secret, 'Budget confidentiel ?', 'Entre nous');
      await answerQuestion(app, clubAdmin, question, 'Réponse confidentielle');
      expect(ok(await as(member, Q.question, { id: question }))).toMatchObject({
        question: { title: 'Budget confidentiel ?' },
      });
      const conversation = (await startConversation(app, clubAdmin.accessToken, [member.userId])).id;
      await sendMessage(app, member.accessToken, conversation, 'Message privé');
      for (const who of [outsider, southAdmin]) {
        for (const [query, variables] of [
          [Q.question, { id: question }],
          [Q.conversation, { id: conversation }],
          [Q.messages, { c: conversation }],
        ] as const) {
          const res = await as(who, query, variables);
          expect({ query, codes: codesOf(res), text: JSON.stringify(res.data ?? null) }).toEqual({
            query,
            codes: ['NOT_FOUND'],
            text: expect.not.stringMatching(/confidentiel|privé|Entre nous/),
          });
        }
        const nested = await as(who, Q.nested, { id: secret });
        expect(codesOf(nested)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(nested.data)).not.toContain('confidentielle');
      }
      type Members = { group: { members: Edges<{ user: { id: string; email: string | null } }> } };
      const seen = ok(await as<Members>(member, Q.members, { id: group }));
      for (const { node } of seen.group.members.edges)
        expect(node.user.email).toBe(node.user.id === member.userId ? member.email : null);
    });
  });
});
