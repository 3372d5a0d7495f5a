import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { addComment, addGroupMember, createGroup, createPost, joinGroup, Visibility } from '../support/group-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Groups, membership, follows, reactions, edits and input limits (a private group's metadata is public, its content is not). */
interface GroupView {
  id: string;
  memberCount: number;
  viewerRole: string | null;
  viewerIsFollowing: boolean;
  viewerHasPendingRequest: boolean;
}

const VIEW = 'id memberCount viewerRole viewerIsFollowing viewerHasPendingRequest';
const GROUP = `query($id: ID!) { group(id: $id) { ${VIEW} } }`;
const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) {
  ${VIEW} name slug description visibility topics organization { id } members { edges { node { role user { id } } } } } }`;
const UPDATE_GROUP = `mutation($id: ID!, $input: UpdateGroupInput!) {
  updateGroup(id: $id, input: $input) { id name description visibility topics } }`;
const GROUPS = `query($search: String, $organizationId: ID, $memberOf: Boolean) {
  groups(search: $search, organizationId: $organizationId, memberOf: $memberOf, first: 100) { edges { node { name } } } }`;
const JOIN = `mutation($g: ID!) { joinGroup(groupId: $g) { ${VIEW} } }`;
const LEAVE = `mutation($g: ID!) { leaveGroup(groupId: $g) }`;
const APPROVE = `mutation($g: ID!, $u: ID!) { approveJoinRequest(groupId: $g, userId: $u) { id memberCount } }`;
const REJECT = `mutation($g: ID!, $u: ID!) { rejectJoinRequest(groupId: $g, userId: $u) { id memberCount } }`;
const ADD = `mutation($g: ID!, $u: ID!, $r: GroupRole!) { addGroupMember(groupId: $g, userId: $u, role: $r) { id memberCount } }`;
const REMOVE = `mutation($g: ID!, $u: ID!) { removeGroupMember(groupId: $g, userId: $u) }`;
const JOIN_REQUESTS = `query($id: ID!) { group(id: $id) { joinRequests { user { id } } } }`;
const FOLLOW_GROUP = `mutation($g: ID!) { followGroup(groupId: $g) { id viewerIsFollowing } }`;
const UNFOLLOW_GROUP = `mutation($g: ID!) { unfollowGroup(groupId: $g) }`;
const FOLLOW_ORG = `mutation($o: ID!) { followOrganization(organizationId: $o) { id viewerIsFollowing } }`;
const UNFOLLOW_ORG = `mutation($o: ID!) { unfollowOrganization(organizationId: $o) }`;
const ORG_FOLLOWING = `query($id: ID!) { organization(id: $id) { viewerIsFollowing } }`;
const POST_FIELDS = 'id body createdAt editedAt reactionCount viewerHasReacted commentCount';
const POST = `query($id: ID!) { post(id: $id) { ${POST_FIELDS} comments(first: 100) { totalCount edges { node { id body } } } } }`;
const REACT = `mutation($p: ID!) { react(postId: $p) { reactionCount viewerHasReacted } }`;
const UNREACT = `mutation($p: ID!) { unreact(postId: $p) { reactionCount viewerHasReacted } }`;
const UPDATE_POST = `mutation($id: ID!, $body: String!) { updatePost(id: $id, body: $body) { ${POST_FIELDS} } }`;
const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { id body } }`;
const ADD_COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id body } }`;
const DELETE_COMMENT = `mutation($id: ID!) { deleteComment(id: $id) }`;

type Request = readonly [query: string, variables: Record<string, unknown>];

describe('groups', () => {
  let app: TestApp;
  let admin: Session;
  let fed: string;
  let bretagne: string;
  let rennes: string;
  let brest: string;
  let presidente: Session;
  let adherent: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
    bretagne = await organization('Ligue de Bretagne', 'REGION', fed);
    rennes = await organization('Club de Rennes', 'ASSOCIATION', bretagne);
    brest = await organization('Club de Brest', 'ASSOCIATION', bretagne);
    presidente = await person(rennes, 'Présidente Rennes');
    adherent = await person(rennes, 'Adhérent Rennes');
  });
  afterAll(() => app.close());

  function organization(name: string, kind: 'REGION' | 'ASSOCIATION', parentId: string) {
    return createOrganization(app, admin.accessToken, { name, kind, parentId });
  }
  function person(organizationId: string, name: string, role: 'ADMIN' | 'STAFF' | 'MEMBER' = 'MEMBER') {
    return newMember(app, admin.accessToken, organizationId, role, name);
  }
  const group = (owner: Session, name: string, visibility: Visibility, organizationId = rennes) =>
    createGroup(app, owner.accessToken, { organizationId, name, visibility });
  const call = <T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<T>(query, variables, who.accessToken);
  /** The value of the operation's only root field, for a call that must succeed (else its errors are thrown). */
  const run = async <T = unknown>(who: Session, query: string, variables: Record<string, unknown>) => {
    const res = await call(who, query, variables);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data)[0] as T;
  };
  const view = (who: Session, id: string) => run<GroupView>(who, GROUP, { id });
  const names = async (who: Session, variables: Record<string, unknown>) =>
    (await run<{ edges: { node: { name: string } }[] }>(who, GROUPS, variables)).edges.map((edge) => edge.node.name);

  describe('createGroup', () => {
    it('makes the creator the OWNER and only member', async () => {
      const input = { organizationId: rennes, name: 'Commission jeunes', visibility: 'PRIVATE', topics: ['jeunesse'] };
      expect(await run(presidente, CREATE_GROUP, { input })).toMatchObject({
        name: 'Commission jeunes',
        slug: expect.any(String),
        visibility: 'PRIVATE',
        topics: ['jeunesse'],
        organization: { id: rennes },
        viewerRole: 'OWNER',
        memberCount: 1,
        viewerIsFollowing: false,
        viewerHasPendingRequest: false,
        members: { edges: [{ node: { role: 'OWNER', user: { id: presidente.userId } } }] },
      });
    });

    it('is allowed to an admin of the region above the club', async () => {
      const regionAdmin = await person(bretagne, 'Admin Bretagne', 'ADMIN');
      const id = await group(regionAdmin, 'Commission arbitrage', 'PUBLIC');
      expect((await view(regionAdmin, id)).viewerRole).toBe('OWNER');
    });

    it('is FORBIDDEN to someone who is neither a member of the club nor an admin above it', async () => {
      const brestois = await person(brest, 'Membre Brest');
      const staff = await person(fed, 'Salariée fédérale', 'STAFF');
      for (const who of [brestois, staff]) {
        const input = { organizationId: rennes, name: 'Groupe pirate', visibility: 'PUBLIC' };
        expect(errorCode(await call(who, CREATE_GROUP, { input }))).toBe('FORBIDDEN');
      }
      expect(await app.sql(`SELECT id FROM groups WHERE name = 'Groupe pirate'`)).toEqual([]);
    });
  });

  describe('updateGroup', () => {
    it('lets the owner change name, description and topics; the rest stays', async () => {
      const id = await group(presidente, 'Comité des fêtes', 'PUBLIC');
      const input = { name: 'Comité des fêtes 2027', description: 'Soirées et tournois', topics: ['fête'] };
      expect(await run(presidente, UPDATE_GROUP, { id, input })).toEqual({ id, ...input, visibility: 'PUBLIC' });
    });

    it('is FORBIDDEN to a plain member, and changes nothing', async () => {
      const id = await group(presidente, 'Commission statuts', 'PUBLIC');
      await joinGroup(app, adherent.accessToken, id);
      const res = await call(adherent, UPDATE_GROUP, { id, input: { name: 'Pris en main' } });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(await names(presidente, { search: 'Commission statuts' })).toEqual(['Commission statuts']);
    });
  });

  describe('groups(search, organizationId, memberOf)', () => {
    let briochin: string;
    let lecteur: Session;

    beforeAll(async () => {
      briochin = await organization('Club de Saint-Brieuc', 'ASSOCIATION', bretagne);
      const owner = await person(briochin, 'Responsable Saint-Brieuc');
      lecteur = await person(briochin, 'Lecteur Saint-Brieuc');
      for (const name of ['Fête du club', 'Commission Équipement', 'Équipe féminine', 'Randonnée']) {
        const id = await group(owner, name, 'PUBLIC', briochin);
        if (name === 'Fête du club' || name === 'Randonnée') await joinGroup(app, lecteur.accessToken, id);
      }
    });
    const inClub = (variables: Record<string, unknown>) => names(lecteur, { organizationId: briochin, ...variables });

    it('lists an organisation’s groups alphabetically, accents ignored', async () => {
      expect(await inClub({})).toEqual(['Commission Équipement', 'Équipe féminine', 'Fête du club', 'Randonnée']);
    });

    it('searches names ignoring case and accents', async () => {
      for (const search of ['equipement', 'ÉQUIPEMENT', 'commission equip']) {
        expect(await inClub({ search })).toEqual(['Commission Équipement']);
      }
      expect(await inClub({ search: 'fete' })).toEqual(['Fête du club']);
      expect(await inClub({ search: 'equipe' })).toEqual(['Commission Équipement', 'Équipe féminine']);
      expect(await names(lecteur, { search: 'FEMININE' })).toEqual(['Équipe féminine']);
      expect(await names(lecteur, { search: 'introuvable' })).toEqual([]);
    });

    it('filters on the viewer’s memberships', async () => {
      expect(await names(lecteur, { memberOf: true })).toEqual(['Fête du club', 'Randonnée']);
      expect(await inClub({ memberOf: false })).toEqual(['Commission Équipement', 'Équipe féminine']);
    });
  });

  describe('joining and leaving', () => {
    let atelier: string;
    let selection: string;

    beforeAll(async () => {
      atelier = await group(presidente, 'Atelier réparation', 'PUBLIC');
      selection = await group(presidente, 'Commission sélection', 'PRIVATE');
    });
    const requesters = async (id: string) =>
      (await run<{ joinRequests: { user: { id: string } }[] }>(presidente, JOIN_REQUESTS, { id })).joinRequests.map(
        (request) => request.user.id,
      );

    it('joins a PUBLIC group at once; joining twice changes nothing', async () => {
      const membre = await person(rennes, 'Bricoleur Rennes');
      const expected = { id: atelier, memberCount: 2, viewerRole: 'MEMBER', viewerHasPendingRequest: false };
      expect(await run(membre, JOIN, { g: atelier })).toMatchObject(expected);
      expect(await run(membre, JOIN, { g: atelier })).toMatchObject(expected);
    });

    it('asks to join a PRIVATE group: pending, not a member; asking twice changes nothing; approval', async () => {
      const candidat = await person(rennes, 'Candidat Rennes');
      const expected = { memberCount: 1, viewerRole: null, viewerHasPendingRequest: true };
      expect(await run(candidat, JOIN, { g: selection })).toMatchObject(expected);
      expect(await run(candidat, JOIN, { g: selection })).toMatchObject(expected);
      expect(await requesters(selection)).toEqual([candidat.userId]);

      const approved = await run(presidente, APPROVE, { g: selection, u: candidat.userId });
      expect(approved).toEqual({ id: selection, memberCount: 2 });
      expect(await view(candidat, selection)).toMatchObject({ viewerRole: 'MEMBER', viewerHasPendingRequest: false });
      expect(await requesters(selection)).toEqual([]);
      expect(errorCode(await call(presidente, APPROVE, { g: selection, u: candidat.userId }))).toBe('NOT_FOUND');
    });

    it('rejectJoinRequest declines and returns the Group; NOT_FOUND when there is no request', async () => {
      const recale = await person(rennes, 'Recalé Rennes');
      await joinGroup(app, recale.accessToken, selection);
      const rejected = await run(presidente, REJECT, { g: selection, u: recale.userId });
      expect(rejected).toEqual({ id: selection, memberCount: 2 });
      expect(await view(recale, selection)).toMatchObject({ viewerRole: null, viewerHasPendingRequest: false });
      expect(errorCode(await call(presidente, REJECT, { g: selection, u: recale.userId }))).toBe('NOT_FOUND');
      expect(errorCode(await call(presidente, APPROVE, { g: selection, u: adherent.userId }))).toBe('NOT_FOUND');
    });

    it('leaveGroup withdraws a pending request', async () => {
      const hesitant = await person(rennes, 'Hésitant Rennes');
      await joinGroup(app, hesitant.accessToken, selection);
      expect(await run(hesitant, LEAVE, { g: selection })).toBe(true);
      expect(await view(hesitant, selection)).toMatchObject({ viewerRole: null, viewerHasPendingRequest: false });
      expect(await requesters(selection)).toEqual([]);
    });

    it('addGroupMember adds (returning the Group); removeGroupMember and leaveGroup remove (true)', async () => {
      const invitee = await person(rennes, 'Invitée Rennes');
      const added = await run(presidente, ADD, { g: selection, u: invitee.userId, r: 'MEMBER' });
      expect(added).toEqual({ id: selection, memberCount: 3 });
      expect((await view(invitee, selection)).viewerRole).toBe('MEMBER');
      expect(await run(presidente, REMOVE, { g: selection, u: invitee.userId })).toBe(true);
      expect(await view(invitee, selection)).toMatchObject({ viewerRole: null, memberCount: 2 });

      await addGroupMember(app, presidente.accessToken, selection, invitee.userId);
      expect(await run(invitee, LEAVE, { g: selection })).toBe(true);
      expect(await view(invitee, selection)).toMatchObject({ viewerRole: null, memberCount: 2 });
    });

    it('refuses to let the last OWNER leave (CONFLICT); once another OWNER exists, leaving works', async () => {
      const fondatrice = await person(rennes, 'Fondatrice Rennes');
      const relais = await person(rennes, 'Relais Rennes');
      const id = await group(fondatrice, 'Projet gymnase', 'PRIVATE');
      expect(errorCode(await call(fondatrice, LEAVE, { g: id }))).toBe('CONFLICT');
      expect((await view(fondatrice, id)).viewerRole).toBe('OWNER');

      await addGroupMember(app, fondatrice.accessToken, id, relais.userId, 'OWNER');
      expect((await view(relais, id)).viewerRole).toBe('OWNER');
      expect(await run(fondatrice, LEAVE, { g: id })).toBe(true);
      expect(await view(relais, id)).toMatchObject({ viewerRole: 'OWNER', memberCount: 1 });
      expect(errorCode(await call(relais, LEAVE, { g: id }))).toBe('CONFLICT');
    });
  });

  describe('following', () => {
    it('refuses to follow a PRIVATE group to non-members (FORBIDDEN); members follow and unfollow it', async () => {
      const commission = await group(presidente, 'Commission discipline', 'PRIVATE');
      expect(errorCode(await call(adherent, FOLLOW_GROUP, { g: commission }))).toBe('FORBIDDEN');
      expect((await view(adherent, commission)).viewerIsFollowing).toBe(false);

      await addGroupMember(app, presidente.accessToken, commission, adherent.userId);
      expect(await run(adherent, FOLLOW_GROUP, { g: commission })).toEqual({ id: commission, viewerIsFollowing: true });
      expect(await run(adherent, UNFOLLOW_GROUP, { g: commission })).toBe(true);
      expect((await view(adherent, commission)).viewerIsFollowing).toBe(false);
    });

    it('lets anyone follow a PUBLIC group without joining it', async () => {
      const vitrine = await group(presidente, 'Vitrine du club', 'PUBLIC');
      const curieux = await person(brest, 'Curieux Brest');
      expect(await run(curieux, FOLLOW_GROUP, { g: vitrine })).toEqual({ id: vitrine, viewerIsFollowing: true });
      expect((await view(curieux, vitrine)).viewerRole).toBeNull();
    });

    it('follows and unfollows an organisation (Organization / true; viewerIsFollowing)', async () => {
      const following = async () =>
        (await run<{ viewerIsFollowing: boolean }>(adherent, ORG_FOLLOWING, { id: brest })).viewerIsFollowing;
      expect(await following()).toBe(false);
      expect(await run(adherent, FOLLOW_ORG, { o: brest })).toEqual({ id: brest, viewerIsFollowing: true });
      expect(await following()).toBe(true);
      expect(await run(adherent, UNFOLLOW_ORG, { o: brest })).toBe(true);
      expect(await following()).toBe(false);
    });
  });

  describe('posts: reactions, edits and comments', () => {
    let salon: string;

    beforeAll(async () => {
      salon = await group(presidente, 'Salon du club', 'PUBLIC');
      await joinGroup(app, adherent.accessToken, salon);
    });

    it('keeps one reaction per person; reacting and unreacting are idempotent', async () => {
      const p = await createPost(app, presidente.accessToken, salon, 'Bravo aux bénévoles !');
      const state = (reactionCount: number, viewerHasReacted: boolean) => ({ reactionCount, viewerHasReacted });
      expect(await run(adherent, REACT, { p })).toEqual(state(1, true));
      expect(await run(adherent, REACT, { p })).toEqual(state(1, true));
      expect(await run(presidente, REACT, { p })).toEqual(state(2, true));
      expect(await run(adherent, UNREACT, { p })).toEqual(state(1, false));
      expect(await run(adherent, UNREACT, { p })).toEqual(state(1, false));
      expect(await run(presidente, UNREACT, { p })).toEqual(state(0, false));
      expect(await run(presidente, UNREACT, { p })).toEqual(state(0, false));
    });

    it('lets the author edit a post: the body changes and editedAt is set', async () => {
      const id = await createPost(app, adherent.accessToken, salon, 'Réunion mardi');
      type PostView = { body: string; createdAt: string; editedAt: string | null };
      const before = await run<PostView>(adherent, POST, { id });
      expect(before.editedAt).toBeNull();
      const edited = await run<PostView>(adherent, UPDATE_POST, { id, body: 'Réunion mercredi' });
      expect(edited.body).toBe('Réunion mercredi');
      expect(edited.editedAt).not.toBeNull();
      expect(Date.parse(edited.editedAt as string)).toBeGreaterThanOrEqual(Date.parse(before.createdAt));
      expect(await run(presidente, POST, { id })).toMatchObject({
        body: 'Réunion mercredi',
        editedAt: edited.editedAt,
      });
    });

    it('lists comments oldest first and keeps commentCount right after deleteComment', async () => {
      const id = await createPost(app, presidente.accessToken, salon, 'Idées pour la fête ?');
      const first = await addComment(app, adherent.accessToken, id, 'Un barbecue');
      const second = await addComment(app, presidente.accessToken, id, 'Un tournoi de pétanque');
      const third = await addComment(app, adherent.accessToken, id, 'Un concert');
      type Comments = { commentCount: number; comments: { totalCount: number; edges: { node: { id: string } }[] } };
      const read = () => run<Comments>(presidente, POST, { id });
      const ids = (post: Comments) => post.comments.edges.map((edge) => edge.node.id);

      const before = await read();
      expect(ids(before)).toEqual([first, second, third]);
      expect(before).toMatchObject({ commentCount: 3, comments: { totalCount: 3 } });
      expect(await run(adherent, DELETE_COMMENT, { id: first })).toBe(true);
      const after = await read();
      expect(ids(after)).toEqual([second, third]);
      expect(after).toMatchObject({ commentCount: 2, comments: { totalCount: 2 } });
    });
  });

  describe('input limits', () => {
    let atelier: string;
    let postId: string;

    beforeAll(async () => {
      atelier = await group(presidente, 'Atelier écriture', 'PUBLIC');
      postId = await createPost(app, presidente.accessToken, atelier, 'Premier texte');
    });

    const counts = async () =>
      await app.sql(`SELECT (SELECT count(*) FROM posts)::int AS posts, (SELECT count(*) FROM comments)::int AS comments,
                            (SELECT count(*) FROM groups)::int AS groups`);
    const newPost = (body: string): Request => [CREATE_POST, { input: { groupId: atelier, body } }];
    const newComment = (body: string): Request => [ADD_COMMENT, { input: { postId, body } }];
    const newGroup = (input: Record<string, unknown>): Request => [
      CREATE_GROUP,
      { input: { organizationId: rennes, name: 'Groupe', visibility: 'PUBLIC', ...input } },
    ];

    it.each<[string, () => Request, string]>([
      ['a post body of 20,001 characters', () => newPost('a'.repeat(20_001)), 'body'],
      ['an empty post body', () => newPost(''), 'body'],
      ['a whitespace-only post body', () => newPost(' \n\t  '), 'body'],
      ['a whitespace-only edit', () => [UPDATE_POST, { id: postId, body: '   ' }], 'body'],
      ['a comment of 5,001 characters', () => newComment('a'.repeat(5_001)), 'body'],
      ['a whitespace-only comment', () => newComment('  \n '), 'body'],
      ['a blank group name', () => newGroup({ name: '   ' }), 'name'],
      ['a group name of 201 characters', () => newGroup({ name: 'a'.repeat(201) }), 'name'],
      ['11 topics', () => newGroup({ topics: Array.from({ length: 11 }, (_, i) => `thème ${i}`) }), 'topics'],
      ['a topic of 41 characters', () => newGroup({ topics: ['a'.repeat(41)] }), 'topics'],
      ['a blank name in updateGroup', () => [UPDATE_GROUP, { id: atelier, input: { name: ' ' } }], 'name'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_what, request, field) => {
      const before = await counts();
      const res = await call(presidente, ...request());
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields).toEqual([field]);
      expect(await counts()).toEqual(before);
    });

    it('accepts text exactly at the limits', async () => {
      expect((await run<{ body: string }>(presidente, ...newPost('a'.repeat(20_000)))).body).toHaveLength(20_000);
      expect((await run<{ body: string }>(presidente, ...newComment('a'.repeat(5_000)))).body).toHaveLength(5_000);
      const topics = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(40, 'x'));
      expect(await run(presidente, ...newGroup({ name: 'a'.repeat(200), topics }))).toMatchObject({ topics });
    });

    it('stores and returns injection-shaped text literally', async () => {
      const sqlish = "'); DROP TABLE posts; --";
      const script = '<script>alert(1)</script>';
      const created = await run<{ id: string; body: string }>(presidente, ...newPost(sqlish));
      expect(created.body).toBe(sqlish);
      expect(await run(adherent, POST, { id: created.id })).toMatchObject({ body: sqlish });
      expect(await run(adherent, ...newComment(script))).toMatchObject({ body: script });
      expect(await run(presidente, ...newGroup({ name: script, description: sqlish }))).toMatchObject({
        name: script,
        description: sqlish,
      });
      expect(await app.sql('SELECT body FROM posts WHERE id = $1', [created.id])).toEqual([{ body: sqlish }]);
      expect(await app.sql('SELECT body FROM comments WHERE body = $1', [script])).toHaveLength(1);
    });
  });
});
