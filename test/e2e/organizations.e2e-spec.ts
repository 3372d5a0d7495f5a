import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface OrgNode {
  id: string;
  name: string;
  kind: string;
}
interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Follows `endCursor` to the end of a list and returns every page. */
async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let after: string | null = null;
  do {
    const page = await fetchPage(after);
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

const fieldsOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.fields;

const CREATE = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name slug kind description parent { id } } }`;
const SET_ROLE = `mutation($org: ID!, $user: ID!, $role: OrganizationRole!) {
  setMemberRole(organizationId: $org, userId: $user, role: $role) { role organization { id } user { id } } }`;
const REMOVE = `mutation($org: ID!, $user: ID!) { removeMember(organizationId: $org, userId: $user) }`;
const LIST = `query($parentId: ID, $kind: OrganizationKind, $search: String, $first: Int, $after: String) {
  organizations(parentId: $parentId, kind: $kind, search: $search, first: $first, after: $after) {
    edges { cursor node { id name kind } } pageInfo { hasNextPage endCursor } totalCount } }`;
const VIEWER_VIEW = `query($id: ID!) { organization(id: $id) { viewerRole viewerCanAdminister } }`;

describe('organizations', () => {
  let app: TestApp;
  let admin: Session;
  let fed: string;
  let bretagne: string;
  let occitanie: string;
  let rennes: string;
  let bretagneAdmin: Session;
  let occitanieAdmin: Session;
  let staff: Session;
  let member: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
    bretagne = await newOrg('Ligue de Bretagne', 'REGION', fed);
    occitanie = await newOrg("Ligue d'Occitanie", 'REGION', fed);
    rennes = await newOrg('Club de Rennes', 'ASSOCIATION', bretagne, 'Le club de la capitale bretonne');
    bretagneAdmin = await newMember(app, admin.accessToken, bretagne, 'ADMIN', 'Admin Bretagne');
    occitanieAdmin = await newMember(app, admin.accessToken, occitanie, 'ADMIN', 'Admin Occitanie');
    staff = await newMember(app, admin.accessToken, bretagne, 'STAFF', 'Salariee Bretagne');
    member = await newMember(app, admin.accessToken, bretagne, 'MEMBER', 'Membre Bretagne');
  });
  afterAll(() => app.close());

  const newOrg = (name: string, kind: 'REGION' | 'ASSOCIATION', parentId: string, description?: string) =>
    createOrganization(app, admin.accessToken, { name, kind, parentId, description });
  const viewerView = async (who: Session, id: string) =>
    (await app.gql<{ organization: { viewerRole: string | null } }>(VIEWER_VIEW, { id }, who.accessToken)).data
      ?.organization;

  const create = (token: string, input: Record<string, unknown>) =>
    app.gql<{ createOrganization: OrgNode & { slug: string; parent: { id: string } } }>(CREATE, { input }, token);

  describe('anonymous callers', () => {
    it('get UNAUTHENTICATED from every organisation operation', async () => {
      for (const [query, variables] of [
        ['query($id: ID!) { organization(id: $id) { id } }', { id: fed }],
        [LIST, {}],
        [CREATE, { input: { name: 'Anonyme', kind: 'REGION', parentId: fed } }],
        [SET_ROLE, { org: bretagne, user: member.userId, role: 'ADMIN' }],
        [REMOVE, { org: bretagne, user: member.userId }],
      ] as const) {
        expect(errorCode(await app.gql(query, variables))).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('organization(id)', () => {
    it('shows the tree FEDERATION → REGION → ASSOCIATION through parent and children', async () => {
      const res = await app.gql<{
        organization: { kind: string; parent: null; children: OrgNode[] };
        club: OrgNode & { description: string; parent: OrgNode & { parent: OrgNode } };
      }>(
        `query($fed: ID!, $club: ID!) {
          organization(id: $fed) { kind parent { id } children { id name kind } }
          club: organization(id: $club) { id name kind description parent { id kind parent { id kind } } } }`,
        { fed, club: rennes },
        admin.accessToken,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.organization.kind).toBe('FEDERATION');
      expect(res.data?.organization.parent).toBeNull();
      expect(res.data?.organization.children.map((c) => c.id).sort()).toEqual([bretagne, occitanie].sort());
      expect(res.data?.organization.children.every((c) => c.kind === 'REGION')).toBe(true);
      expect(res.data?.club).toMatchObject({ kind: 'ASSOCIATION', description: 'Le club de la capitale bretonne' });
      expect(res.data?.club.parent).toEqual({ id: bretagne, kind: 'REGION', parent: { id: fed, kind: 'FEDERATION' } });
    });

    it('gives memberCount (direct members) and the viewer’s own role and powers', async () => {
      const count = await app.gql<{ organization: { memberCount: number } }>(
        `query($id: ID!) { organization(id: $id) { memberCount } }`,
        { id: bretagne },
        member.accessToken,
      );
      expect(count.data?.organization.memberCount).toBe(3);
      expect(await viewerView(bretagneAdmin, bretagne)).toEqual({ viewerRole: 'ADMIN', viewerCanAdminister: true });
      expect(await viewerView(bretagneAdmin, rennes)).toEqual({ viewerRole: null, viewerCanAdminister: true });
      expect(await viewerView(admin, bretagne)).toEqual({ viewerRole: null, viewerCanAdminister: true });
      expect(await viewerView(staff, bretagne)).toEqual({ viewerRole: 'STAFF', viewerCanAdminister: false });
      expect(await viewerView(member, bretagne)).toEqual({ viewerRole: 'MEMBER', viewerCanAdminister: false });
      expect(await viewerView(occitanieAdmin, bretagne)).toEqual({ viewerRole: null, viewerCanAdminister: false });
    });

    it('pages through members alphabetically with totalCount', async () => {
      const club = await newOrg('Vannes', 'ASSOCIATION', bretagne);
      for (const name of ['Eve', 'Bruno', 'Diane', 'Alain', 'Chloé'])
        await newMember(app, admin.accessToken, club, 'MEMBER', name);
      const pages = await allPages(async (after) => {
        const res = await app.gql<{ organization: { members: Page<{ role: string; user: { displayName: string } }> } }>(
          `query($id: ID!, $after: String) { organization(id: $id) { members(first: 2, after: $after) {
            edges { cursor node { role user { displayName } } } pageInfo { hasNextPage endCursor } totalCount } } }`,
          { id: club, after },
          member.accessToken,
        );
        return res.data!.organization.members;
      });
      expect(pages.map((page) => page.totalCount)).toEqual([5, 5, 5]);
      const nodes = pages.flatMap((page) => page.edges.map((e) => e.node));
      expect(nodes.map((node) => node.user.displayName)).toEqual(['Alain', 'Bruno', 'Chloé', 'Diane', 'Eve']);
      expect(nodes.every((node) => node.role === 'MEMBER')).toBe(true);
    });

    it('refuses a malformed id with BAD_USER_INPUT and an unknown one with NOT_FOUND', async () => {
      const query = `query($id: ID!) { organization(id: $id) { id } }`;
      const malformed = await app.gql(query, { id: 'not-a-uuid' }, member.accessToken);
      expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(malformed)).toEqual(['id']);
      expect(errorCode(await app.gql(query, { id: UNKNOWN_ID }, member.accessToken))).toBe('NOT_FOUND');
    });
  });

  describe('organizations(parentId, kind, search, first, after)', () => {
    const list = (variables: Record<string, unknown>) =>
      app.gql<{ organizations: Page<OrgNode> }>(LIST, variables, member.accessToken);

    it('filters by kind and by parent', async () => {
      const feds = await list({ kind: 'FEDERATION' });
      expect(feds.data?.organizations.edges.map((e) => e.node.name)).toEqual(['Fédération de test']);
      const children = await list({ parentId: fed, kind: 'REGION' });
      expect(children.data?.organizations.edges.map((e) => e.node.id).sort()).toEqual([bretagne, occitanie].sort());
      const clubs = await list({ parentId: bretagne });
      expect(clubs.data?.organizations.edges.every((e) => e.node.kind === 'ASSOCIATION')).toBe(true);
      expect(clubs.data?.organizations.edges.map((e) => e.node.id)).toContain(rennes);
    });

    it('searches names ignoring case and accents', async () => {
      for (const search of ['federation', 'FÉDÉRATION', 'fede test']) {
        const res = await list({ search });
        expect(res.data?.organizations.edges.map((e) => e.node.id)).toEqual([fed]);
      }
      const res = await list({ search: 'RENNES' });
      expect(res.data?.organizations.edges.map((e) => e.node.id)).toEqual([rennes]);
      expect((await list({ search: 'nowhere-to-be-found' })).data?.organizations.edges).toEqual([]);
    });

    it('pages through every organisation once, alphabetically, stable under concurrent inserts', async () => {
      const region = await newOrg('Paging', 'REGION', fed);
      const names = ['Club Gamma', 'Club Alpha', 'Club Zeta', 'Club Delta', 'Club Beta', 'Club Epsilon', 'Club Êta'];
      for (const name of names) await newOrg(name, 'ASSOCIATION', region);
      const pages = await allPages(async (after) => {
        // Rows inserted before the cursor between two pages must not shift the next pages.
        if (after) await newOrg('Club A', 'ASSOCIATION', region);
        return (await list({ parentId: region, first: 3, after })).data!.organizations;
      });
      expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 1]);
      expect(pages[0].totalCount).toBe(7);
      const seen = pages.flatMap((page) => page.edges.map((e) => e.node.name));
      expect(seen).toEqual([
        'Club Alpha',
        'Club Beta',
        'Club Delta',
        'Club Epsilon',
        'Club Êta',
        'Club Gamma',
        'Club Zeta',
      ]);
    });

    it('refuses bad arguments with BAD_USER_INPUT naming them', async () => {
      for (const [variables, field] of [
        [{ parentId: 'nope' }, 'parentId'],
        [{ first: 0 }, 'first'],
        [{ first: 101 }, 'first'],
        [{ after: 'garbage' }, 'after'],
      ] as const) {
        const res = await list(variables);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual([field]);
      }
    });
  });

  describe('createOrganization', () => {
    it('lets a federation admin create a region, and an association under a region (admin of an ancestor)', async () => {
      const region = await create(admin.accessToken, { name: 'Ligue de Normandie', kind: 'REGION', parentId: fed });
      expect(region.errors).toBeUndefined();
      expect(region.data?.createOrganization).toMatchObject({
        name: 'Ligue de Normandie',
        slug: 'ligue-de-normandie',
        kind: 'REGION',
        description: null,
        parent: { id: fed },
      });
      const regionId = region.data!.createOrganization.id;
      const club = await create(admin.accessToken, { name: 'Club de Caen', kind: 'ASSOCIATION', parentId: regionId });
      expect(club.data?.createOrganization).toMatchObject({ kind: 'ASSOCIATION', parent: { id: regionId } });
    });

    it('lets a region admin create an association in their region', async () => {
      const input = { name: 'Club de Brest', kind: 'ASSOCIATION', parentId: bretagne };
      const res = await create(bretagneAdmin.accessToken, input);
      expect(res.data?.createOrganization).toMatchObject({ name: 'Club de Brest', parent: { id: bretagne } });
    });

    it('gives two organisations with the same name different slugs', async () => {
      const a = await create(admin.accessToken, { name: 'Club Homonyme', kind: 'ASSOCIATION', parentId: bretagne });
      const b = await create(admin.accessToken, { name: 'Club Homonyme', kind: 'ASSOCIATION', parentId: occitanie });
      expect(a.data?.createOrganization.slug).toBeTruthy();
      expect(b.data?.createOrganization.slug).not.toBe(a.data?.createOrganization.slug);
    });

    it('is FORBIDDEN to staff, members, a sibling region’s admin and an admin below the parent', async () => {
      const club = { name: 'Club interdit', kind: 'ASSOCIATION', parentId: bretagne };
      expect(errorCode(await create(staff.accessToken, club))).toBe('FORBIDDEN');
      expect(errorCode(await create(member.accessToken, club))).toBe('FORBIDDEN');
      expect(errorCode(await create(occitanieAdmin.accessToken, club))).toBe('FORBIDDEN');
      const region = { name: 'Ligue interdite', kind: 'REGION', parentId: fed };
      expect(errorCode(await create(bretagneAdmin.accessToken, region))).toBe('FORBIDDEN');
      const total = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM organizations WHERE name LIKE '% interdit%'`,
      );
      expect(total[0].n).toBe(0);
    });

    it('refuses invalid input with BAD_USER_INPUT naming the field', async () => {
      for (const [input, field] of [
        [{ name: '   ', kind: 'ASSOCIATION', parentId: bretagne }, 'name'],
        [{ name: 'Sous-ligue', kind: 'REGION', parentId: bretagne }, 'kind'],
        [{ name: 'Club dans un club', kind: 'ASSOCIATION', parentId: rennes }, 'kind'],
        [{ name: 'Deuxième fédération', kind: 'FEDERATION', parentId: fed }, 'kind'],
        [{ name: 'Club perdu', kind: 'ASSOCIATION', parentId: 'not-a-uuid' }, 'parentId'],
      ] as const) {
        const res = await create(admin.accessToken, input);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual([field]);
      }
    });

    it('answers NOT_FOUND for an unknown parent', async () => {
      const res = await create(admin.accessToken, { name: 'Orphelin', kind: 'ASSOCIATION', parentId: UNKNOWN_ID });
      expect(errorCode(res)).toBe('NOT_FOUND');
    });
  });

  describe('setMemberRole', () => {
    const setRole = (token: string, org: string, user: string, role: string) =>
      app.gql<{ setMemberRole: { role: string; organization: { id: string }; user: { id: string } } }>(
        SET_ROLE,
        { org, user, role },
        token,
      );

    it('returns the OrganizationMembership; an admin of an ancestor may change roles in a descendant', async () => {
      const clubber = await newMember(app, admin.accessToken, rennes, 'MEMBER', 'Joueur Rennes');
      const res = await setRole(bretagneAdmin.accessToken, rennes, clubber.userId, 'STAFF');
      expect(res.errors).toBeUndefined();
      expect(res.data?.setMemberRole).toEqual({
        role: 'STAFF',
        organization: { id: rennes },
        user: { id: clubber.userId },
      });
      const again = await setRole(admin.accessToken, rennes, clubber.userId, 'ADMIN');
      expect(again.data?.setMemberRole.role).toBe('ADMIN');
      expect((await viewerView(clubber, rennes))?.viewerRole).toBe('ADMIN');
    });

    it('is FORBIDDEN to members, staff and another region’s admin', async () => {
      for (const who of [member, staff, occitanieAdmin]) {
        expect(errorCode(await setRole(who.accessToken, bretagne, member.userId, 'ADMIN'))).toBe('FORBIDDEN');
      }
      const role = await app.sql<{ role: string }>(
        'SELECT role FROM organization_memberships WHERE organization_id = $1 AND user_id = $2',
        [bretagne, member.userId],
      );
      expect(role[0].role).toBe('MEMBER');
    });

    it('answers NOT_FOUND for a non-member and BAD_USER_INPUT for malformed ids', async () => {
      expect(errorCode(await setRole(admin.accessToken, rennes, occitanieAdmin.userId, 'STAFF'))).toBe('NOT_FOUND');
      const bad = await setRole(admin.accessToken, rennes, 'nope', 'STAFF');
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)).toEqual(['userId']);
    });
  });

  describe('removeMember', () => {
    const remove = (token: string, org: string, user: string) =>
      app.gql<{ removeMember: boolean }>(REMOVE, { org, user }, token);

    it('is FORBIDDEN to a plain member and to another region’s admin', async () => {
      expect(errorCode(await remove(member.accessToken, bretagne, staff.userId))).toBe('FORBIDDEN');
      expect(errorCode(await remove(occitanieAdmin.accessToken, bretagne, staff.userId))).toBe('FORBIDDEN');
    });

    it('returns true, ends the membership, then answers NOT_FOUND for the non-member', async () => {
      const leaver = await newMember(app, admin.accessToken, rennes, 'MEMBER', 'Partant');
      const res = await remove(bretagneAdmin.accessToken, rennes, leaver.userId);
      expect(res.errors).toBeUndefined();
      expect(res.data?.removeMember).toBe(true);
      const me = await app.gql<{ me: { memberships: unknown[] } }>(
        '{ me { memberships { role } } }',
        {},
        leaver.accessToken,
      );
      expect(me.data?.me.memberships).toEqual([]);
      expect(errorCode(await remove(bretagneAdmin.accessToken, rennes, leaver.userId))).toBe('NOT_FOUND');
    });
  });

  describe("the federation's last admin", () => {
    const setRole = (token: string, user: string, role: string) =>
      app.gql<{ setMemberRole: { role: string } }>(SET_ROLE, { org: fed, user, role }, token);
    const remove = (token: string, user: string) =>
      app.gql<{ removeMember: boolean }>(REMOVE, { org: fed, user }, token);

    it('cannot be demoted or removed (CONFLICT), but can be once a second admin exists', async () => {
      expect(errorCode(await setRole(admin.accessToken, admin.userId, 'STAFF'))).toBe('CONFLICT');
      expect(errorCode(await remove(admin.accessToken, admin.userId))).toBe('CONFLICT');

      const second = await newMember(app, admin.accessToken, fed, 'ADMIN', 'Seconde Admin');
      expect((await setRole(second.accessToken, admin.userId, 'STAFF')).data?.setMemberRole.role).toBe('STAFF');
      // Now `second` is the last admin in turn.
      expect(errorCode(await setRole(second.accessToken, second.userId, 'MEMBER'))).toBe('CONFLICT');
      expect(errorCode(await remove(second.accessToken, second.userId))).toBe('CONFLICT');

      expect((await setRole(second.accessToken, admin.userId, 'ADMIN')).data?.setMemberRole.role).toBe('ADMIN');
      expect((await remove(admin.accessToken, second.userId)).data?.removeMember).toBe(true);
    });

    it('survives two admins demoting each other at the same time: exactly one succeeds', async () => {
      const other = await newMember(app, admin.accessToken, fed, 'ADMIN', 'Autre Admin');
      const [a, b] = await Promise.all([
        setRole(admin.accessToken, other.userId, 'MEMBER'),
        setRole(other.accessToken, admin.userId, 'MEMBER'),
      ]);
      expect([a, b].filter((res) => res.data?.setMemberRole.role === 'MEMBER')).toHaveLength(1);
      // The loser is refused: CONFLICT if both passed the admin check, FORBIDDEN if it was already demoted.
      const refusals = [a, b].map(errorCode).filter(Boolean);
      expect(refusals).toHaveLength(1);
      expect(['CONFLICT', 'FORBIDDEN']).toContain(refusals[0]);
      const admins = await app.sql<{ user_id: string }>(
        `SELECT user_id FROM organization_memberships WHERE organization_id = $1 AND role = 'ADMIN'`,
        [fed],
      );
      expect(admins).toHaveLength(1);
      // Put the bootstrap admin back in charge, alone.
      const winner = admins[0].user_id === admin.userId ? admin : other;
      if (winner === other) await setRole(other.accessToken, admin.userId, 'ADMIN');
      expect((await remove(admin.accessToken, other.userId)).data?.removeMember).toBe(true);
    });
  });
});
