import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, addGroupMember, createGroup, createPost, joinGroup, Visibility } from '../support/group-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Stored notifications: who gets what (never about what they may not read), listing, read state and privacy. */
interface NotificationNode {
  id: string;
  type: string;
  subjectId: string | null;
  text: string;
  createdAt: string;
  readAt: string | null;
  actor: { id: string } | null;
}
interface Inbox {
  edges: { cursor: string; node: NotificationNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const NOTIFICATIONS = `query($unreadOnly: Boolean!, $first: Int!, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    edges { cursor node { id type subjectId text createdAt readAt actor { id } } }
    pageInfo { hasNextPage endCursor } totalCount } }`;
const UNREAD_COUNT = `{ unreadNotificationCount }`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const APPROVE = `mutation($g: ID!, $u: ID!) { approveJoinRequest(groupId: $g, userId: $u) { id } }`;
const LEAVE = `mutation($g: ID!) { leaveGroup(groupId: $g) }`;

describe('notifications', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let voisin: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Rennes',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    voisin = await person('Voisin Rennes');
  });
  afterAll(() => app.close());

  function person(name: string) {
    return newMember(app, admin.accessToken, club, 'MEMBER', name);
  }
  const group = (owner: Session, name: string, visibility: Visibility) =>
    createGroup(app, owner.accessToken, { organizationId: club, name, visibility });
  /** The value of the operation's only root field, for a call that must succeed (else its errors are thrown). */
  const run = async <T = unknown>(who: Session, query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.gql(query, variables, who.accessToken);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data)[0] as T;
  };
  const inbox = (who: Session, options: { unreadOnly?: boolean; first?: number; after?: string | null } = {}) =>
    run<Inbox>(who, NOTIFICATIONS, { unreadOnly: false, first: 100, after: null, ...options });
  const notificationsOf = async (who: Session, unreadOnly = false) =>
    (await inbox(who, { unreadOnly })).edges.map((edge) => edge.node);
  const unreadCount = (who: Session) => run<number>(who, UNREAD_COUNT);
  const markRead = (who: Session, ids?: string[]) => run<number>(who, MARK_READ, ids ? { ids } : {});

  describe('NEW_COMMENT', () => {
    let commission: string;
    let auteure: Session;
    let commentateur: Session;
    let collegue: Session;

    beforeAll(async () => {
      const presidente = await person('Présidente Rennes');
      auteure = await person('Auteure Rennes');
      commentateur = await person('Commentateur Rennes');
      collegue = await person('Collègue Rennes');
      commission = await group(presidente, 'Commission finances', 'PRIVATE');
      for (const member of [auteure, commentateur, collegue]) {
        await addGroupMember(app, presidente.accessToken, commission, member.userId);
      }
    });

    it('goes to the post author when someone else comments', async () => {
      const postId = await createPost(app, auteure.accessToken, commission, 'Budget 2027 : vos remarques ?');
      await addComment(app, commentateur.accessToken, postId, 'Ligne 12 à revoir');
      const [notification, ...others] = await notificationsOf(auteure);
      expect(others).toEqual([]);
      expect(notification).toMatchObject({
        type: 'NEW_COMMENT',
        actor: { id: commentateur.userId },
        subjectId: postId,
        text: expect.stringMatching(/\S/),
        readAt: null,
      });
      expect(Number.isNaN(Date.parse(notification.createdAt))).toBe(false);
      expect(await notificationsOf(commentateur)).toEqual([]);
      expect(await notificationsOf(collegue)).toEqual([]);
    });

    it('is not sent when the author comments on their own post', async () => {
      const postId = await createPost(app, collegue.accessToken, commission, 'Note de frais du tournoi');
      await addComment(app, collegue.accessToken, postId, 'Précision : hors transport');
      expect(await notificationsOf(collegue)).toEqual([]);
    });
  });

  describe('JOIN_REQUEST and JOIN_APPROVED', () => {
    let selection: string;
    let proprietaire: Session;
    let moderatrice: Session;
    let membre: Session;
    let candidate: Session;

    beforeAll(async () => {
      proprietaire = await person('Propriétaire Rennes');
      moderatrice = await person('Modératrice Rennes');
      membre = await person('Membre Rennes');
      candidate = await person('Candidate Rennes');
      selection = await group(proprietaire, 'Commission sélection', 'PRIVATE');
      await addGroupMember(app, proprietaire.accessToken, selection, moderatrice.userId, 'MODERATOR');
      await addGroupMember(app, proprietaire.accessToken, selection, membre.userId, 'MEMBER');
      await joinGroup(app, candidate.accessToken, selection);
    });

    it('sends JOIN_REQUEST to the owners and moderators of a PRIVATE group, not to plain members', async () => {
      for (const manager of [proprietaire, moderatrice]) {
        const notifications = await notificationsOf(manager);
        expect(notifications).toHaveLength(1);
        expect(notifications[0]).toMatchObject({
          type: 'JOIN_REQUEST',
          actor: { id: candidate.userId },
          subjectId: selection,
          text: expect.stringMatching(/\S/),
          readAt: null,
        });
      }
      expect(await notificationsOf(membre)).toEqual([]);
      expect(await notificationsOf(candidate)).toEqual([]);
    });

    it('does not repeat JOIN_REQUEST when the same person asks again', async () => {
      await joinGroup(app, candidate.accessToken, selection);
      expect(await notificationsOf(proprietaire)).toHaveLength(1);
      expect(await notificationsOf(moderatrice)).toHaveLength(1);
    });

    it('sends JOIN_APPROVED to the requester once approved', async () => {
      await run(moderatrice, APPROVE, { g: selection, u: candidate.userId });
      const notifications = await notificationsOf(candidate);
      expect(notifications).toHaveLength(1);
      expect(notifications[0]).toMatchObject({
        type: 'JOIN_APPROVED',
        actor: { id: moderatrice.userId },
        subjectId: selection,
        text: expect.stringMatching(/\S/),
        readAt: null,
      });
    });

    it('sends no JOIN_REQUEST for a PUBLIC group, which people join at once', async () => {
      const ouvert = await group(membre, 'Atelier ouvert', 'PUBLIC');
      await joinGroup(app, candidate.accessToken, ouvert);
      expect(await notificationsOf(membre)).toEqual([]);
    });
  });

  describe('listing and read state', () => {
    let lectrice: Session;
    let posts: string[];

    beforeAll(async () => {
      lectrice = await person('Lectrice Rennes');
      const commentatrice = await person('Commentatrice Rennes');
      const salon = await group(lectrice, 'Salon des adhérents', 'PUBLIC');
      posts = [];
      for (let i = 1; i <= 5; i++) posts.push(await createPost(app, lectrice.accessToken, salon, `Sujet n° ${i}`));
      for (const postId of posts) await addComment(app, commentatrice.accessToken, postId, 'Bonne idée');
      // Someone else's notification, to check that nobody can touch it.
      const annonce = await createPost(
        app,
        voisin.accessToken,
        await group(voisin, 'Annonces', 'PUBLIC'),
        'Vide-grenier',
      );
      await addComment(app, commentatrice.accessToken, annonce, 'Je tiens un stand');
    });

    it('lists newest first, page by page, with totalCount and pageInfo', async () => {
      const subjects: string[][] = [];
      let after: string | null = null;
      let page: Inbox;
      do {
        page = await inbox(lectrice, { first: 2, after });
        expect(page.totalCount).toBe(5);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
        subjects.push(page.edges.map((edge) => edge.node.subjectId as string));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(subjects).toEqual([[posts[4], posts[3]], [posts[2], posts[1]], [posts[0]]]);
    });

    it('counts unread notifications', async () => {
      expect(await unreadCount(lectrice)).toBe(5);
      expect(await unreadCount(voisin)).toBe(1);
    });

    it('markNotificationsRead(ids) returns how many changed and sets readAt', async () => {
      const [newest, second] = await notificationsOf(lectrice);
      expect(await markRead(lectrice, [newest.id, second.id])).toBe(2);
      const all = await notificationsOf(lectrice);
      expect(all.slice(0, 2).every((n) => n.readAt !== null && !Number.isNaN(Date.parse(n.readAt)))).toBe(true);
      expect(all.slice(2).map((n) => n.readAt)).toEqual([null, null, null]);
      expect(await unreadCount(lectrice)).toBe(3);
      expect((await notificationsOf(lectrice, true)).map((n) => n.subjectId)).toEqual([posts[2], posts[1], posts[0]]);
      expect(await markRead(lectrice, [newest.id])).toBe(0);
    });

    it('cannot mark someone else’s notification: count 0, and it stays unread', async () => {
      const [theirs] = await notificationsOf(voisin);
      expect(await markRead(lectrice, [theirs.id])).toBe(0);
      expect(await unreadCount(voisin)).toBe(1);
      expect((await notificationsOf(voisin))[0].readAt).toBeNull();
      expect(await unreadCount(lectrice)).toBe(3);
    });

    it('markNotificationsRead without ids marks all of the viewer’s, and only theirs', async () => {
      expect(await markRead(lectrice)).toBe(3);
      expect(await unreadCount(lectrice)).toBe(0);
      expect(await notificationsOf(lectrice, true)).toEqual([]);
      expect((await notificationsOf(lectrice)).every((n) => n.readAt !== null)).toBe(true);
      expect(await unreadCount(voisin)).toBe(1);
      expect(await markRead(lectrice)).toBe(0);
    });
  });

  describe('privacy', () => {
    let responsable: Session;
    let ancienne: Session;
    let commentateur: Session;
    let commission: string;

    beforeAll(async () => {
      responsable = await person('Responsable Rennes');
      ancienne = await person('Ancienne Rennes');
      commentateur = await person('Bavard Rennes');
      commission = await group(responsable, 'Commission travaux', 'PRIVATE');
      await addGroupMember(app, responsable.accessToken, commission, ancienne.userId);
      await addGroupMember(app, responsable.accessToken, commission, commentateur.userId);
    });

    it('sends no NEW_COMMENT to an author who left the PRIVATE group', async () => {
      const postId = await createPost(app, ancienne.accessToken, commission, 'Devis toiture');
      await addComment(app, commentateur.accessToken, postId, 'Reçu, merci');
      expect(await notificationsOf(ancienne)).toHaveLength(1);

      expect(await run(ancienne, LEAVE, { g: commission })).toBe(true);
      await addComment(app, commentateur.accessToken, postId, 'Le second devis est arrivé');
      await addComment(app, responsable.accessToken, postId, 'On valide le moins cher');
      expect(await notificationsOf(ancienne)).toHaveLength(1);
    });

    it('never carries the comment body', async () => {
      const secret = 'Code du coffre : 4729-ZEBRE';
      const postId = await createPost(app, responsable.accessToken, commission, 'Accès au local');
      await addComment(app, commentateur.accessToken, postId, secret);
      const notifications = await notificationsOf(responsable);
      expect(notifications.map((n) => [n.type, n.subjectId])).toEqual([['NEW_COMMENT', postId]]);
      expect(JSON.stringify(notifications)).not.toContain('4729');
      expect(JSON.stringify(notifications)).not.toContain('ZEBRE');
      expect(await app.sql(`SELECT id FROM notifications WHERE text LIKE '%4729%' OR text LIKE '%ZEBRE%'`)).toEqual([]);
    });
  });
});
