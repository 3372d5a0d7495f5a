import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import {
  addComment,
  addGroupMember,
  createGroup,
  createPost,
  feedIds,
  joinGroup,
  Visibility,
} from '../support/group-fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The permission matrix of groups (src/access/group-policy.ts; README, "One access policy for groups"), through the HTTP API.
 * The table below is the single source: one test per visibility × operation × viewer.
 */
const VIEWERS = ['outsider', 'pending', 'member', 'moderator', 'owner', 'orgAdmin', 'ancestorAdmin'] as const;
type Viewer = (typeof VIEWERS)[number];
type Outcome = 'allow' | 'FORBIDDEN' | 'NOT_FOUND';
const A: Outcome = 'allow';
const F: Outcome = 'FORBIDDEN';
const N: Outcome = 'NOT_FOUND';

/*
 * Viewers (none of them wrote the posts acted on: a separate group MEMBER, `author`, did):
 * - outsider: logged in, member of an unrelated association, no standing in the group.
 * - pending: a member of the group's association. In the PRIVATE group they asked to join and wait.
 *   In the PUBLIC group joining is immediate, so nobody can wait there: "pending" is a person of
 *   the association who has not joined, i.e. one more outsider.
 * - member, moderator, owner: their GroupRole (the owner created the group).
 * - orgAdmin: ADMIN of the group's association, not a group member.
 * - ancestorAdmin: ADMIN of the region above that association, not a group member.
 *
 * Rules behind the outcomes: metadata is visible to all; a private group's posts list and member
 * list are FORBIDDEN to non-members, while a post they may not read is NOT_FOUND (so is commenting,
 * reacting, editing or deleting it); only members post; only authors edit (a readable post of
 * someone else is FORBIDDEN, even to moderators); owners, moderators and organisation admins delete
 * posts, approve requests and remove members; owners and organisation admins change roles.
 * Organisation admins read and moderate private groups but do not post unless they are members;
 * commenting and reacting follow reading (group-policy.ts).
 */
const OPERATION_NAMES = [
  'readMetadata',
  'readPosts',
  'readPost',
  'listMembers',
  'createPost',
  'addComment',
  'react',
  'editOthersPost',
  'deleteOthersPost',
  'approveRequest',
  'changeRole',
  'removeMember',
] as const;
type Operation = (typeof OPERATION_NAMES)[number];
/** One outcome per viewer, in VIEWERS order: outsider, pending, member, moderator, owner, orgAdmin, ancestorAdmin. */
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const EXPECTED: Record<Visibility, Record<Operation, Row>> = {
  PUBLIC: {
    readMetadata: [A, A, A, A, A, A, A],
    readPosts: [A, A, A, A, A, A, A],
    readPost: [A, A, A, A, A, A, A],
    listMembers: [A, A, A, A, A, A, A],
    createPost: [F, F, A, A, A, F, F],
    addComment: [A, A, A, A, A, A, A],
    react: [A, A, A, A, A, A, A],
    editOthersPost: [F, F, F, F, F, F, F],
    deleteOthersPost: [F, F, F, A, A, A, A],
    approveRequest: [F, F, F, A, A, A, A],
    changeRole: [F, F, F, F, A, A, A],
    removeMember: [F, F, F, A, A, A, A],
  },
  PRIVATE: {
    readMetadata: [A, A, A, A, A, A, A],
    readPosts: [F, F, A, A, A, A, A],
    readPost: [N, N, A, A, A, A, A],
    listMembers: [F, F, A, A, A, A, A],
    createPost: [F, F, A, A, A, F, F],
    addComment: [N, N, A, A, A, A, A],
    react: [N, N, A, A, A, A, A],
    editOthersPost: [N, N, F, F, F, F, F],
    deleteOthersPost: [N, N, F, A, A, A, A],
    approveRequest: [F, F, F, A, A, A, A],
    changeRole: [F, F, F, F, A, A, A],
    removeMember: [F, F, F, A, A, A, A],
  },
};

const CELLS = (['PUBLIC', 'PRIVATE'] as const).flatMap((visibility) =>
  OPERATION_NAMES.flatMap((operation) =>
    VIEWERS.map((viewer, i) => ({ visibility, operation, viewer, expected: EXPECTED[visibility][operation][i] })),
  ),
);

interface GroupFixture {
  id: string;
  name: string;
  visibility: Visibility;
  /** A live post by `author`, shared by the non-destructive cells. */
  postId: string;
}
type Response = GraphQLResponse<Record<string, unknown>>;
interface OperationSpec {
  run(viewer: Session, group: GroupFixture): Promise<Response>;
  /** For 'allow': something the answer must contain. */
  shows?(group: GroupFixture): string;
}

const Q = {
  metadata: 'query($id: ID!) { group(id: $id) { name description memberCount } }',
  posts: 'query($id: ID!) { group(id: $id) { posts { edges { node { id } } } } }',
  post: 'query($id: ID!) { post(id: $id) { id body } }',
  members: 'query($id: ID!) { group(id: $id) { members(first: 100) { totalCount edges { node { user { id } } } } } }',
  createPost: 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
  addComment: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
  react: 'mutation($id: ID!) { react(postId: $id) { id reactionCount viewerHasReacted } }',
  updatePost: 'mutation($id: ID!, $body: String!) { updatePost(id: $id, body: $body) { id body } }',
  deletePost: 'mutation($id: ID!) { deletePost(id: $id) }',
  approve: 'mutation($g: ID!, $u: ID!) { approveJoinRequest(groupId: $g, userId: $u) { id memberCount } }',
  setRole:
    'mutation($g: ID!, $u: ID!, $r: GroupRole!) { setGroupMemberRole(groupId: $g, userId: $u, role: $r) { id } }',
  remove: 'mutation($g: ID!, $u: ID!) { removeGroupMember(groupId: $g, userId: $u) }',
  setVisibility: 'mutation($id: ID!, $v: GroupVisibility!) { updateGroup(id: $id, input: { visibility: $v }) { id } }',
};

describe('group permission matrix', () => {
  let app: TestApp;
  let admin: Session;
  let associationId: string;
  let author: Session;
  const viewers = {} as Record<Viewer, Session>;
  const groups = {} as Record<Visibility, GroupFixture>;

  const gql = (query: string, variables: Record<string, unknown>, who: Session): Promise<Response> =>
    app.gql(query, variables, who.accessToken);

  /** A new person of the group's association, not in the group. */
  const newcomer = () => newMember(app, admin.accessToken, associationId);

  /** A fresh post by `author` (never by the viewer), for cells that delete it. */
  const freshPost = (group: GroupFixture) => createPost(app, author.accessToken, group.id, 'Un message à modérer');

  /** A fresh plain MEMBER of the group, for cells that change or end a membership. */
  async function freshMember(group: GroupFixture): Promise<string> {
    const person = await newcomer();
    await addGroupMember(app, viewers.owner.accessToken, group.id, person.userId);
    return person.userId;
  }

  /**
   * A fresh pending request. A PUBLIC group admits at once, so its request is one made while the
   * owner had the group PRIVATE for a moment: requests outlive a switch to PUBLIC and still await a
   * decision. Cells of one file run one after another, so the switch is invisible to other cells.
   */
  async function freshRequest(group: GroupFixture): Promise<string> {
    const person = await newcomer();
    if (group.visibility === 'PUBLIC') await setVisibility(group, 'PRIVATE');
    await joinGroup(app, person.accessToken, group.id);
    if (group.visibility === 'PUBLIC') await setVisibility(group, 'PUBLIC');
    return person.userId;
  }

  async function setVisibility(group: GroupFixture, visibility: Visibility): Promise<void> {
    const res = await gql(Q.setVisibility, { id: group.id, v: visibility }, viewers.owner);
    expect(res.errors).toBeUndefined();
  }

  const OPERATIONS: Record<Operation, OperationSpec> = {
    readMetadata: { run: (v, g) => gql(Q.metadata, { id: g.id }, v), shows: (g) => g.name },
    readPosts: { run: (v, g) => gql(Q.posts, { id: g.id }, v), shows: (g) => g.postId },
    readPost: { run: (v, g) => gql(Q.post, { id: g.postId }, v), shows: (g) => g.postId },
    listMembers: { run: (v, g) => gql(Q.members, { id: g.id }, v), shows: () => author.userId },
    createPost: { run: (v, g) => gql(Q.createPost, { input: { groupId: g.id, body: 'Bonjour à tous' } }, v) },
    addComment: { run: (v, g) => gql(Q.addComment, { input: { postId: g.postId, body: 'Bien vu' } }, v) },
    react: { run: (v, g) => gql(Q.react, { id: g.postId }, v), shows: (g) => g.postId },
    editOthersPost: { run: (v, g) => gql(Q.updatePost, { id: g.postId, body: 'Réécrit par un autre' }, v) },
    deleteOthersPost: { run: async (v, g) => gql(Q.deletePost, { id: await freshPost(g) }, v) },
    approveRequest: { run: async (v, g) => gql(Q.approve, { g: g.id, u: await freshRequest(g) }, v) },
    changeRole: { run: async (v, g) => gql(Q.setRole, { g: g.id, u: await freshMember(g), r: 'MODERATOR' }, v) },
    removeMember: { run: async (v, g) => gql(Q.remove, { g: g.id, u: await freshMember(g) }, v) },
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const federation = await federationId(app, admin.accessToken);
    const region = await createOrganization(app, admin.accessToken, {
      name: 'Ligue de Normandie',
      kind: 'REGION',
      parentId: federation,
    });
    associationId = await createOrganization(app, admin.accessToken, {
      name: 'Club de Caen',
      kind: 'ASSOCIATION',
      parentId: region,
    });
    const elsewhere = await createOrganization(app, admin.accessToken, {
      name: 'Club de Lyon',
      kind: 'ASSOCIATION',
      parentId: federation,
    });
    viewers.ancestorAdmin = await newMember(app, admin.accessToken, region, 'ADMIN', 'Admin Normandie');
    viewers.orgAdmin = await newMember(app, viewers.ancestorAdmin.accessToken, associationId, 'ADMIN', 'Admin Caen');
    viewers.outsider = await newMember(app, admin.accessToken, elsewhere, 'MEMBER', 'Membre Lyon');
    viewers.owner = await newMember(app, viewers.orgAdmin.accessToken, associationId, 'MEMBER', 'Owner Caen');
    viewers.moderator = await newcomer();
    viewers.member = await newcomer();
    viewers.pending = await newcomer();
    author = await newcomer();

    for (const visibility of ['PUBLIC', 'PRIVATE'] as const) {
      const name = visibility === 'PUBLIC' ? 'Randonnée ouverte' : 'Bureau confidentiel';
      const id = await createGroup(app, viewers.owner.accessToken, {
        organizationId: associationId,
        name,
        visibility,
        description: `Le groupe ${visibility}`,
      });
      await addGroupMember(app, viewers.owner.accessToken, id, viewers.moderator.userId, 'MODERATOR');
      await addGroupMember(app, viewers.owner.accessToken, id, viewers.member.userId);
      await addGroupMember(app, viewers.owner.accessToken, id, author.userId);
      // In the PUBLIC group this would make them a member: there they stay out (see above).
      if (visibility === 'PRIVATE') await joinGroup(app, viewers.pending.accessToken, id);
      const postId = await createPost(app, author.accessToken, id, `Message de l'auteur (${visibility})`);
      await addComment(app, viewers.member.accessToken, postId, 'Premier commentaire');
      groups[visibility] = { id, name, visibility, postId };
    }
  });

  afterAll(() => app?.close());

  it('sets the viewers up as the table says', async () => {
    const query = 'query($id: ID!) { group(id: $id) { viewerRole viewerHasPendingRequest } }';
    const standing = async (viewer: Viewer, group: GroupFixture) =>
      (await gql(query, { id: group.id }, viewers[viewer])).data?.group;
    expect(await standing('pending', groups.PRIVATE)).toEqual({ viewerRole: null, viewerHasPendingRequest: true });
    expect(await standing('pending', groups.PUBLIC)).toEqual({ viewerRole: null, viewerHasPendingRequest: false });
    for (const group of [groups.PUBLIC, groups.PRIVATE]) {
      expect(await standing('owner', group)).toMatchObject({ viewerRole: 'OWNER' });
      expect(await standing('moderator', group)).toMatchObject({ viewerRole: 'MODERATOR' });
      expect(await standing('member', group)).toMatchObject({ viewerRole: 'MEMBER' });
      for (const outside of ['outsider', 'orgAdmin', 'ancestorAdmin'] as const) {
        expect(await standing(outside, group)).toEqual({ viewerRole: null, viewerHasPendingRequest: false });
      }
    }
  });

  describe.each(CELLS)('$visibility group: $operation by $viewer', ({ visibility, operation, viewer, expected }) => {
    it(`→ ${expected}`, async () => {
      const group = groups[visibility];
      const res = await OPERATIONS[operation].run(viewers[viewer], group);
      if (expected === 'allow') {
        expect(res.errors).toBeUndefined();
        const [answer] = Object.values(res.data ?? {});
        expect(answer).toBeTruthy();
        const shows = OPERATIONS[operation].shows?.(group);
        if (shows) expect(JSON.stringify(answer)).toContain(shows);
      } else {
        expect(errorCode(res)).toBe(expected);
        expect(Object.values(res.data ?? {})[0] ?? null).toBeNull();
      }
    });
  });

  describe('a PRIVATE group leaks nothing to outsiders', () => {
    const GROUPS_WITH_POSTS = `query($org: ID!) { groups(organizationId: $org) {
      edges { node { id name posts { edges { node { id body } } } } } } }`;

    it('keeps its posts out of the feed, even when the outsider follows its organisation', async () => {
      const follow = await gql(
        'mutation($org: ID!) { followOrganization(organizationId: $org) { id } }',
        { org: associationId },
        viewers.outsider,
      );
      expect(follow.errors).toBeUndefined();
      const followGroup = await gql(
        'mutation($g: ID!) { followGroup(groupId: $g) { id } }',
        { g: groups.PRIVATE.id },
        viewers.outsider,
      );
      expect(errorCode(followGroup)).toBe('FORBIDDEN');
      for (const who of ['outsider', 'pending'] as const) {
        const feed = await feedIds(app, viewers[who].accessToken);
        expect(feed).not.toContain(groups.PRIVATE.postId);
      }
      // The follow did work: the public group's posts are there.
      expect(await feedIds(app, viewers.outsider.accessToken)).toContain(groups.PUBLIC.postId);
    });

    it('lists the group by name in `groups`, never its posts', async () => {
      const listed = await gql(
        'query($org: ID!) { groups(organizationId: $org) { edges { node { id name memberCount } } } }',
        { org: associationId },
        viewers.outsider,
      );
      expect(listed.errors).toBeUndefined();
      expect(JSON.stringify(listed.data)).toContain(groups.PRIVATE.name);
      const withPosts = await gql(GROUPS_WITH_POSTS, { org: associationId }, viewers.outsider);
      expect(errorCode(withPosts)).toBe('FORBIDDEN');
      expect(JSON.stringify(withPosts)).not.toContain(groups.PRIVATE.postId);
      expect(JSON.stringify(withPosts)).not.toContain("Message de l'auteur (PRIVATE)");
    });

    it('shows its member count but refuses its member list', async () => {
      const count = await gql(
        'query($id: ID!) { group(id: $id) { name memberCount } }',
        { id: groups.PRIVATE.id },
        viewers.outsider,
      );
      expect(count.errors).toBeUndefined();
      expect(count.data?.group).toEqual({ name: groups.PRIVATE.name, memberCount: expect.any(Number) });
      expect((count.data?.group as { memberCount: number }).memberCount).toBeGreaterThanOrEqual(4);
      const members = await gql(
        'query($id: ID!) { group(id: $id) { members { edges { node { user { id displayName } } } } } }',
        { id: groups.PRIVATE.id },
        viewers.outsider,
      );
      expect(errorCode(members)).toBe('FORBIDDEN');
      expect(JSON.stringify(members)).not.toContain(viewers.member.userId);
    });
  });
});
