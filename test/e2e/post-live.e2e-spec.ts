import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addGroupMember, createGroup, createPost } from '../support/group-fixtures';
import { closeAllSockets, connectSocket, settle, TestSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `post:new { postId, groupId }` (Socket.io): sent when a post enters someone's home feed, to those
 * who may read it: members and followers of its group, followers of its organisation. Never to an
 * outsider of a private group, even one who follows the organisation; never to the author.
 */
interface PostNew {
  postId: string;
  groupId: string;
}

describe('post:new, the live feed', () => {
  let app: TestApp;
  let author: Session, member: Session, outsider: Session, groupFollower: Session, orgFollower: Session;
  let sockets: Record<'author' | 'member' | 'outsider' | 'groupFollower' | 'orgFollower', TestSocket>;
  let privateGroup: string, publicGroup: string;

  const postNews = (socket: TestSocket) => socket.all<PostNew>('post:new');

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await loginAdmin(app);
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club du fil en direct',
      kind: 'ASSOCIATION',
      parentId: await federationId(app, admin.accessToken),
    });
    [author, member, outsider, groupFollower, orgFollower] = await Promise.all(
      ['Auteure', 'Membre', 'Extérieure', 'Abonnée au groupe', 'Abonné au club'].map((name) =>
        newMember(app, admin.accessToken, club, 'MEMBER', name),
      ),
    );
    privateGroup = await createGroup(app, author.accessToken, {
      organizationId: club,
      name: 'Bureau (privé)',
      visibility: 'PRIVATE',
    });
    publicGroup = await createGroup(app, author.accessToken, {
      organizationId: club,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
    await addGroupMember(app, author.accessToken, privateGroup, member.userId);
    await addGroupMember(app, author.accessToken, publicGroup, member.userId);
    const follow = await app.gql(
      'mutation($id: ID!) { followGroup(groupId: $id) { id } }',
      { id: publicGroup },
      groupFollower.accessToken,
    );
    expect(follow.errors).toBeUndefined();
    const followOrg = await app.gql(
      'mutation($id: ID!) { followOrganization(organizationId: $id) { id } }',
      { id: club },
      orgFollower.accessToken,
    );
    expect(followOrg.errors).toBeUndefined();
    const opened = await Promise.all(
      [author, member, outsider, groupFollower, orgFollower].map((who) => connectSocket(app.url, who.accessToken)),
    );
    sockets = {
      author: opened[0],
      member: opened[1],
      outsider: opened[2],
      groupFollower: opened[3],
      orgFollower: opened[4],
    };
  }, 120_000);

  afterAll(async () => {
    closeAllSockets();
    await app?.close();
  });

  it('a private group: its members hear of the post; an outsider (even following the club) and the author hear nothing', async () => {
    const postId = await createPost(app, author.accessToken, privateGroup, 'Ordre du jour du bureau');
    const { payload } = await sockets.member.next<PostNew>('post:new', (p) => p.postId === postId);
    expect(payload).toEqual({ postId, groupId: privateGroup });
    await settle();
    for (const who of ['outsider', 'orgFollower', 'groupFollower', 'author'] as const)
      expect(postNews(sockets[who]).filter((p) => p.groupId === privateGroup)).toEqual([]);
  });

  it('a public group: members, group followers and organisation followers hear of it; people without it in their feed do not', async () => {
    const postId = await createPost(
      app,
      author.accessToken,
      publicGroup,
      'Tournoi de printemps : inscriptions ouvertes',
    );
    for (const who of ['member', 'groupFollower', 'orgFollower'] as const) {
      const { payload } = await sockets[who].next<PostNew>('post:new', (p) => p.postId === postId);
      expect(payload).toEqual({ postId, groupId: publicGroup });
    }
    await settle();
    expect(postNews(sockets.outsider)).toEqual([]);
    expect(postNews(sockets.author)).toEqual([]);
    // Once each, never twice (a member who also follows would be one user room, one event).
    expect(postNews(sockets.member).filter((p) => p.postId === postId)).toHaveLength(1);
  });
});
