import {
  createOrganization,
  federationId,
  loginAdmin,
  newMember,
  OrganizationRole,
  Session,
} from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { addGroupMember, createGroup, createPost, feedIds, joinGroup, Visibility } from '../support/group-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The home feed: newest first, the posts of the groups the viewer is a member of or
 * follows, and of the groups of the organisations they follow, among those they may read.
 */
interface FeedPage {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const FEED = `query($first: Int!, $after: String) { feed(first: $first, after: $after) {
  edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;
const FOLLOW_ORGANIZATION = `mutation($id: ID!) { followOrganization(organizationId: $id) { id viewerIsFollowing } }`;
const UNFOLLOW_ORGANIZATION = `mutation($id: ID!) { unfollowOrganization(organizationId: $id) }`;
const FOLLOW_GROUP = `mutation($id: ID!) { followGroup(groupId: $id) { id viewerIsFollowing } }`;
const LEAVE_GROUP = `mutation($id: ID!) { leaveGroup(groupId: $id) }`;
const UPDATE_GROUP = `mutation($id: ID!, $input: UpdateGroupInput!) { updateGroup(id: $id, input: $input) { id visibility } }`;
const DELETE_POST = `mutation($id: ID!) { deletePost(id: $id) }`;
const POST = `query($id: ID!) { post(id: $id) { id } }`;
const GROUP_POSTS = `query($id: ID!) { group(id: $id) { posts(first: 100) { totalCount edges { node { id } } } } }`;

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The data of a call that must succeed; the errors otherwise, so a failure says why. */
async function ok<T>(call: Promise<GraphQLResponse<T>>): Promise<T> {
  const res = await call;
  if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

describe('home feed', () => {
  let app: TestApp;
  let admin: Session;
  let fed: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
  });
  afterAll(() => app.close());

  const association = (name: string) =>
    createOrganization(app, admin.accessToken, { name, kind: 'ASSOCIATION', parentId: fed });
  const person = (organizationId: string, name: string, role: OrganizationRole = 'MEMBER') =>
    newMember(app, admin.accessToken, organizationId, role, name);
  const group = (owner: Session, organizationId: string, name: string, visibility: Visibility) =>
    createGroup(app, owner.accessToken, { organizationId, name, visibility });
  const post = (author: Session, groupId: string, body: string) => createPost(app, author.accessToken, groupId, body);
  const feedOf = (viewer: Session) => feedIds(app, viewer.accessToken);
  const call = <T = Record<string, unknown>>(viewer: Session, query: string, variables: Record<string, unknown>) =>
    app.gql<T>(query, variables, viewer.accessToken);
  const feedPage = async (viewer: Session, first: number, after: string | null = null) =>
    (await ok(call<{ feed: FeedPage }>(viewer, FEED, { first, after }))).feed;

  describe('who sees which posts', () => {
    let rennes: string;
    let presidente: Session;
    let tresoriere: Session;
    let salarie: Session;
    let cycliste: Session;
    let supporter: Session;
    let curieux: Session;
    const posts: Record<string, string> = {};

    beforeAll(async () => {
      rennes = await association('Club de Rennes');
      const brest = await association('Club de Brest');
      presidente = await person(rennes, 'Présidente Rennes');
      tresoriere = await person(rennes, 'Trésorière Rennes');
      curieux = await person(rennes, 'Curieux Rennes');
      salarie = await person(fed, 'Salarié fédéral', 'STAFF');
      const brestois = await person(brest, 'Président Brest');
      cycliste = await person(brest, 'Cycliste Brest');
      supporter = await person(brest, 'Supporter Brest');

      const actualites = await group(presidente, rennes, 'Actualités du club', 'PUBLIC');
      const finances = await group(presidente, rennes, 'Commission finances', 'PRIVATE');
      const vieBrestoise = await group(brestois, brest, 'Vie du club brestois', 'PUBLIC');
      const velo = await group(brestois, brest, 'Sorties vélo', 'PUBLIC');
      await addGroupMember(app, presidente.accessToken, finances, tresoriere.userId);
      await joinGroup(app, cycliste.accessToken, velo);

      posts.actualites = await post(presidente, actualites, 'Assemblée générale le 12 mars à 19 h');
      posts.finances = await post(presidente, finances, 'Budget prévisionnel 2027 : à relire avant jeudi');
      posts.brest = await post(brestois, vieBrestoise, 'Victoire en coupe régionale !');
      posts.velo = await post(brestois, velo, 'Sortie de 80 km samedi, départ 8 h');

      await ok(call(salarie, FOLLOW_ORGANIZATION, { id: rennes }));
      await ok(call(tresoriere, FOLLOW_ORGANIZATION, { id: rennes }));
      await ok(call(supporter, FOLLOW_GROUP, { id: vieBrestoise }));
    });

    it('shows a federation staff member who follows the club its PUBLIC group, and nothing of its PRIVATE commission', async () => {
      expect(await feedOf(salarie)).toEqual([posts.actualites]);
      expect(errorCode(await call(salarie, POST, { id: posts.finances }))).toBe('NOT_FOUND');
    });

    it('shows a member of the commission who follows the club both groups, newest first', async () => {
      expect(await feedOf(tresoriere)).toEqual([posts.finances, posts.actualites]);
    });

    it('shows the posts of the groups someone is a member of, without following anything', async () => {
      expect(await feedOf(presidente)).toEqual([posts.finances, posts.actualites]);
      expect(await feedOf(cycliste)).toEqual([posts.velo]);
    });

    it('shows the posts of a followed group only, not of its organisation’s other groups', async () => {
      expect(await feedOf(supporter)).toEqual([posts.brest]);
    });

    it('is empty for someone who belongs to no group and follows nothing', async () => {
      const page = await feedPage(curieux, 20);
      expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
    });

    it('loses the club’s posts once the organisation is unfollowed', async () => {
      expect((await ok(call(salarie, UNFOLLOW_ORGANIZATION, { id: rennes }))).unfollowOrganization).toBe(true);
      expect(await feedOf(salarie)).toEqual([]);
    });
  });

  describe('leaving a group', () => {
    let benevole: Session;
    const posts: Record<string, string> = {};
    const groups: Record<string, string> = {};

    beforeAll(async () => {
      const vannes = await association('Club de Vannes');
      const secretaire = await person(vannes, 'Secrétaire Vannes');
      benevole = await person(vannes, 'Bénévole Vannes');
      groups.travaux = await group(secretaire, vannes, 'Commission travaux', 'PRIVATE');
      groups.entraide = await group(secretaire, vannes, 'Entraide bénévoles', 'PUBLIC');
      groups.covoiturage = await group(secretaire, vannes, 'Covoiturage', 'PUBLIC');
      for (const id of Object.values(groups)) await addGroupMember(app, secretaire.accessToken, id, benevole.userId);
      await ok(call(benevole, FOLLOW_GROUP, { id: groups.travaux }));
      await ok(call(benevole, FOLLOW_GROUP, { id: groups.entraide }));
      posts.travaux = await post(secretaire, groups.travaux, 'Devis pour la toiture du club-house');
      posts.entraide = await post(secretaire, groups.entraide, 'Qui peut tenir la buvette dimanche ?');
      posts.covoiturage = await post(secretaire, groups.covoiturage, 'Deux places libres pour Lorient');
      expect(await feedOf(benevole)).toEqual([posts.covoiturage, posts.entraide, posts.travaux]);
    });

    const leave = async (groupId: string) =>
      expect((await ok(call(benevole, LEAVE_GROUP, { id: groupId }))).leaveGroup).toBe(true);

    it('removes the posts of a PRIVATE group, even one the person followed', async () => {
      await leave(groups.travaux);
      expect(await feedOf(benevole)).toEqual([posts.covoiturage, posts.entraide]);
    });

    it('keeps the posts of a PUBLIC group the person still follows', async () => {
      await leave(groups.entraide);
      expect(await feedOf(benevole)).toEqual([posts.covoiturage, posts.entraide]);
    });

    it('removes the posts of a PUBLIC group the person does not follow', async () => {
      await leave(groups.covoiturage);
      expect(await feedOf(benevole)).toEqual([posts.entraide]);
    });
  });

  describe('a group turning from PUBLIC to PRIVATE', () => {
    let organisatrice: Session;
    let joueur: Session;
    let abonne: Session;
    let abonneDuClub: Session;
    let tournoi: string;
    let annonce: string;

    beforeAll(async () => {
      const lorient = await association('Club de Lorient');
      organisatrice = await person(lorient, 'Organisatrice Lorient');
      joueur = await person(lorient, 'Joueur Lorient');
      abonne = await person(lorient, 'Abonné Lorient');
      abonneDuClub = await person(fed, 'Abonnée fédérale', 'STAFF');
      tournoi = await group(organisatrice, lorient, 'Tournoi d’été', 'PUBLIC');
      await addGroupMember(app, organisatrice.accessToken, tournoi, joueur.userId);
      await ok(call(abonne, FOLLOW_GROUP, { id: tournoi }));
      await ok(call(abonneDuClub, FOLLOW_ORGANIZATION, { id: lorient }));
      annonce = await post(organisatrice, tournoi, 'Inscriptions ouvertes jusqu’au 30 juin');
      for (const viewer of [organisatrice, joueur, abonne, abonneDuClub])
        expect(await feedOf(viewer)).toEqual([annonce]);

      const res = await ok(
        call<{ updateGroup: { visibility: string } }>(organisatrice, UPDATE_GROUP, {
          id: tournoi,
          input: { visibility: 'PRIVATE' },
        }),
      );
      expect(res.updateGroup.visibility).toBe('PRIVATE');
    });

    it('hides its posts from followers of the group and of the organisation who are not members', async () => {
      expect(await feedOf(abonne)).toEqual([]);
      expect(await feedOf(abonneDuClub)).toEqual([]);
    });

    it('keeps showing its posts, old and new, to members', async () => {
      const tableau = await post(organisatrice, tournoi, 'Tableau des poules en pièce jointe');
      expect(await feedOf(joueur)).toEqual([tableau, annonce]);
      expect(await feedOf(organisatrice)).toEqual([tableau, annonce]);
      expect(await feedOf(abonne)).toEqual([]);
    });
  });

  describe('deleted posts', () => {
    let animatrice: Session;
    let adherent: Session;
    let bureau: string;
    const posts: Record<string, string> = {};

    beforeAll(async () => {
      const quimper = await association('Club de Quimper');
      animatrice = await person(quimper, 'Animatrice Quimper');
      adherent = await person(quimper, 'Adhérent Quimper');
      bureau = await group(animatrice, quimper, 'Vie du bureau', 'PUBLIC');
      await addGroupMember(app, animatrice.accessToken, bureau, adherent.userId);
      posts.parSonAuteur = await post(adherent, bureau, 'Message envoyé par erreur');
      posts.parModeration = await post(adherent, bureau, 'Message hors sujet');
      posts.garde = await post(adherent, bureau, 'Compte rendu de la réunion');
      expect((await ok(call(adherent, DELETE_POST, { id: posts.parSonAuteur }))).deletePost).toBe(true);
      expect((await ok(call(animatrice, DELETE_POST, { id: posts.parModeration }))).deletePost).toBe(true);
    });

    it('disappear from the feed and its totalCount', async () => {
      expect(await feedOf(adherent)).toEqual([posts.garde]);
      expect((await feedPage(adherent, 20)).totalCount).toBe(1);
    });

    it('disappear from the group’s posts and their totalCount', async () => {
      const res = await ok(
        call<{ group: { posts: { totalCount: number; edges: { node: { id: string } }[] } } }>(adherent, GROUP_POSTS, {
          id: bureau,
        }),
      );
      expect(res.group.posts.totalCount).toBe(1);
      expect(res.group.posts.edges.map((edge) => edge.node.id)).toEqual([posts.garde]);
    });

    it('are NOT_FOUND by id, for their author and for the group’s owner, and cannot be deleted twice', async () => {
      for (const viewer of [adherent, animatrice]) {
        for (const id of [posts.parSonAuteur, posts.parModeration]) {
          expect(errorCode(await call(viewer, POST, { id }))).toBe('NOT_FOUND');
        }
      }
      expect(errorCode(await call(adherent, DELETE_POST, { id: posts.parSonAuteur }))).toBe('NOT_FOUND');
    });
  });

  describe('paging', () => {
    let auteur: Session;
    let lecteur: Session;
    let filId: string;

    beforeAll(async () => {
      const lannion = await association('Club de Lannion');
      auteur = await person(lannion, 'Auteur Lannion');
      lecteur = await person(lannion, 'Lecteur Lannion');
      filId = await group(auteur, lannion, 'Fil du club', 'PUBLIC');
      await addGroupMember(app, auteur.accessToken, filId, lecteur.userId);
    });

    it('walks 60 posts 7 at a time while new ones arrive: each once, newest first, no newcomer', async () => {
      const created: string[] = [];
      for (let i = 1; i <= 60; i++) created.push(await post(auteur, filId, `Publication n° ${i}`));
      const original = [...created].reverse();

      const walked: string[] = [];
      const arrivals: string[] = [];
      const pageSizes: number[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await feedPage(lecteur, 7, after);
        pageSizes.push(page.edges.length);
        walked.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        // New posts land at the top of the feed between two pages.
        arrivals.push(await post(auteur, filId, `Nouveauté ${arrivals.length + 1}`));
        arrivals.push(await post(auteur, filId, `Nouveauté ${arrivals.length + 1}`));
      }

      expect(pageSizes).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked.filter((id) => arrivals.includes(id))).toEqual([]);
      expect(walked).toEqual(original);
      // A fresh walk starts with the newcomers, newest first.
      expect((await feedOf(lecteur)).slice(0, arrivals.length)).toEqual([...arrivals].reverse());
    });

    it('neither repeats nor skips posts that share one timestamp across page boundaries', async () => {
      const perros = await association('Club de Perros');
      const redacteur = await person(perros, 'Rédacteur Perros');
      const annonces = await group(redacteur, perros, 'Annonces groupées', 'PUBLIC');
      const ids: string[] = [];
      for (let i = 1; i <= 10; i++) ids.push(await post(redacteur, annonces, `Annonce ${i}`));
      await app.sql(`UPDATE posts SET created_at = '2026-03-01T10:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [ids]);
      const walked = await feedIds(app, redacteur.accessToken, 3);
      expect(walked).toHaveLength(10);
      expect([...walked].sort()).toEqual([...ids].sort());
    });
  });

  describe('totalCount, pageInfo and arguments', () => {
    let lectrice: Session;
    let created: string[];

    beforeAll(async () => {
      const dinan = await association('Club de Dinan');
      const auteure = await person(dinan, 'Auteure Dinan');
      lectrice = await person(dinan, 'Lectrice Dinan');
      const gazette = await group(auteure, dinan, 'Gazette', 'PUBLIC');
      await joinGroup(app, lectrice.accessToken, gazette);
      created = [];
      for (let i = 1; i <= 5; i++) created.push(await post(auteure, gazette, `Gazette n° ${i}`));
    });

    it('gives totalCount of the whole feed on every page, and pageInfo pointing at the last edge', async () => {
      const first = await feedPage(lectrice, 2);
      expect(first.totalCount).toBe(5);
      expect(first.edges.map((edge) => edge.node.id)).toEqual([created[4], created[3]]);
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });

      const second = await feedPage(lectrice, 2, first.pageInfo.endCursor);
      expect(second.totalCount).toBe(5);
      expect(second.edges.map((edge) => edge.node.id)).toEqual([created[2], created[1]]);
      expect(second.pageInfo.hasNextPage).toBe(true);

      const last = await feedPage(lectrice, 2, second.pageInfo.endCursor);
      expect(last.edges.map((edge) => edge.node.id)).toEqual([created[0]]);
      expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[0].cursor });
    });

    it('says there is no next page when the page holds exactly what is left', async () => {
      const all = await feedPage(lectrice, 5);
      expect(all.edges).toHaveLength(5);
      expect(all.pageInfo.hasNextPage).toBe(false);
    });

    it.each([1, 100])('accepts first: %d', async (first) => {
      const page = await feedPage(lectrice, first);
      expect(page.edges).toHaveLength(Math.min(first, 5));
    });

    it.each([0, 101, -1])('refuses first: %d with BAD_USER_INPUT naming first', async (first) => {
      const res = await call(lectrice, FEED, { first });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields).toEqual(['first']);
    });

    it.each([
      ['not base64 at all', 'garbage!!'],
      ['base64 of plain text', Buffer.from('not a cursor').toString('base64url')],
      ['a cursor of the wrong shape', cursorOf(['only one part'])],
      ['a tampered key', cursorOf(['yesterday', 'not-a-uuid'])],
    ])('refuses a garbage after (%s) with BAD_USER_INPUT naming after', async (_what, after) => {
      const res = await call(lectrice, FEED, { first: 5, after });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields).toEqual(['after']);
    });
  });
});
