import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Profile {
  id: string;
  displayName: string;
  jobTitle: string | null;
  bio: string | null;
  skills: string[];
  interests: string[];
  avatarUrl: string | null;
  email: string | null;
}
interface People {
  edges: { cursor: string; node: { id: string; displayName: string; email: string | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const fieldsOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.fields;

const PROFILE = 'id displayName jobTitle bio skills interests avatarUrl email';
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PROFILE} } }`;
const USER = `query($id: ID!) { user(id: $id) { ${PROFILE} memberships { organization { id } role } } }`;
const PEOPLE = `query($search: String, $skill: String, $organizationId: ID, $first: Int, $after: String) {
  people(search: $search, skill: $skill, organizationId: $organizationId, first: $first, after: $after) {
    edges { cursor node { id displayName email } } pageInfo { hasNextPage endCursor } totalCount } }`;

describe('profiles and directory', () => {
  let app: TestApp;
  let admin: Session;
  let fed: string;
  let auvergne: string;
  let clermont: string;
  let provence: string;
  let marseille: string;
  let auvergneAdmin: Session;
  let clermontAdmin: Session;
  let provenceAdmin: Session;
  let alice: Session;
  let bob: Session;
  let carole: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
    auvergne = await createOrganization(app, admin.accessToken, {
      name: 'Ligue d’Auvergne',
      kind: 'REGION',
      parentId: fed,
    });
    clermont = await createOrganization(app, admin.accessToken, {
      name: 'Club de Clermont',
      kind: 'ASSOCIATION',
      parentId: auvergne,
    });
    provence = await createOrganization(app, admin.accessToken, {
      name: 'Ligue de Provence',
      kind: 'REGION',
      parentId: fed,
    });
    marseille = await createOrganization(app, admin.accessToken, {
      name: 'Club de Marseille',
      kind: 'ASSOCIATION',
      parentId: provence,
    });
    auvergneAdmin = await newMember(app, admin.accessToken, auvergne, 'ADMIN', 'Admin Auvergne');
    clermontAdmin = await newMember(app, admin.accessToken, clermont, 'ADMIN', 'Admin Clermont');
    provenceAdmin = await newMember(app, admin.accessToken, provence, 'ADMIN', 'Admin Provence');
    alice = await newMember(app, admin.accessToken, clermont, 'MEMBER', 'Alice Martin');
    bob = await newMember(app, admin.accessToken, clermont, 'MEMBER', 'Bob Durand');
    carole = await newMember(app, admin.accessToken, marseille, 'MEMBER', 'Carole Petit');
    const res = await app.gql(
      UPDATE,
      { input: { jobTitle: 'Trésorière', skills: ['Comptabilité', 'Excel'], interests: ['Randonnée'] } },
      alice.accessToken,
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => app.close());

  const update = (who: Session, input: Record<string, unknown>) =>
    app.gql<{ updateProfile: Profile }>(UPDATE, { input }, who.accessToken);
  const userAs = (who: Session, id: string) =>
    app.gql<{ user: Profile & { memberships: { organization: { id: string }; role: string }[] } }>(
      USER,
      { id },
      who.accessToken,
    );
  const people = (who: Session, variables: Record<string, unknown>) =>
    app.gql<{ people: People }>(PEOPLE, variables, who.accessToken);
  const names = (res: GraphQLResponse<{ people: People }>) => res.data?.people.edges.map((e) => e.node.displayName);

  describe('updateProfile', () => {
    it('changes every field and returns the User', async () => {
      const input = {
        displayName: '  Bob Durand  ',
        jobTitle: 'Entraîneur',
        bio: 'Trente ans de tennis de table.',
        skills: [' Arbitrage ', 'Secourisme', 'Arbitrage'],
        interests: ['Photographie'],
        avatarUrl: 'https://images.example.org/bob.png',
      };
      const res = await update(bob, input);
      expect(res.errors).toBeUndefined();
      const expected = {
        id: bob.userId,
        displayName: 'Bob Durand',
        jobTitle: 'Entraîneur',
        bio: 'Trente ans de tennis de table.',
        skills: ['Arbitrage', 'Secourisme'],
        interests: ['Photographie'],
        avatarUrl: 'https://images.example.org/bob.png',
        email: bob.email,
      };
      expect(res.data?.updateProfile).toEqual(expected);
      const me = await app.gql<{ me: Profile }>(`{ me { ${PROFILE} } }`, {}, bob.accessToken);
      expect(me.data?.me).toEqual(expected);
    });

    it('changes only the fields given, and null clears an optional one', async () => {
      const res = await update(bob, { bio: 'Nouvelle bio', jobTitle: null, avatarUrl: null });
      expect(res.data?.updateProfile).toMatchObject({
        displayName: 'Bob Durand',
        bio: 'Nouvelle bio',
        jobTitle: null,
        avatarUrl: null,
        skills: ['Arbitrage', 'Secourisme'],
      });
    });

    it('refuses a blank, missing or too long displayName with BAD_USER_INPUT', async () => {
      for (const displayName of ['   ', '', null, 'x'.repeat(101)]) {
        const res = await update(bob, { displayName });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual(['displayName']);
      }
      const me = await app.gql<{ me: Profile }>('{ me { displayName } }', {}, bob.accessToken);
      expect(me.data?.me.displayName).toBe('Bob Durand');
    });

    it('refuses an avatarUrl that is not an http(s) URL', async () => {
      for (const avatarUrl of ['not a url', 'javascript:alert(1)', 'ftp://files.example.org/a.png', '/relative.png']) {
        const res = await update(bob, { avatarUrl });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual(['avatarUrl']);
      }
    });

    it('refuses blank skills or interests', async () => {
      const skills = await update(bob, { skills: ['Arbitrage', '  '] });
      expect(fieldsOf(skills)).toEqual(['skills']);
      const interests = await update(bob, { interests: [''] });
      expect(fieldsOf(interests)).toEqual(['interests']);
    });

    it('is refused to anonymous callers', async () => {
      expect(errorCode(await app.gql(UPDATE, { input: { bio: 'anonyme' } }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('user(id)', () => {
    it('shows another person’s profile and memberships', async () => {
      const res = await userAs(bob, alice.userId);
      expect(res.errors).toBeUndefined();
      expect(res.data?.user).toMatchObject({
        id: alice.userId,
        displayName: 'Alice Martin',
        jobTitle: 'Trésorière',
        skills: ['Comptabilité', 'Excel'],
        interests: ['Randonnée'],
        memberships: [{ organization: { id: clermont }, role: 'MEMBER' }],
      });
    });

    it('answers BAD_USER_INPUT for a malformed id and NOT_FOUND for an unknown one', async () => {
      const bad = await userAs(bob, 'not-a-uuid');
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)).toEqual(['id']);
      expect(errorCode(await userAs(bob, UNKNOWN_ID))).toBe('NOT_FOUND');
    });

    it('is refused to anonymous callers', async () => {
      expect(errorCode(await app.gql(USER, { id: alice.userId }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('email visibility', () => {
    const emailSeenBy = async (who: Session, id: string) => (await userAs(who, id)).data?.user.email;

    it('shows the email to the person themself', async () => {
      const me = await app.gql<{ me: { email: string } }>('{ me { email } }', {}, alice.accessToken);
      expect(me.data?.me.email).toBe(alice.email);
      expect(await emailSeenBy(alice, alice.userId)).toBe(alice.email);
    });

    it('shows it to admins of their organisation or of an ancestor', async () => {
      for (const who of [clermontAdmin, auvergneAdmin, admin])
        expect(await emailSeenBy(who, alice.userId)).toBe(alice.email);
    });

    it('hides it from plain members and from admins of an unrelated region', async () => {
      for (const who of [bob, carole, provenceAdmin]) expect(await emailSeenBy(who, alice.userId)).toBeNull();
      expect(await emailSeenBy(alice, clermontAdmin.userId)).toBeNull();
    });

    it('applies the same rule person by person in the directory', async () => {
      const res = await people(provenceAdmin, { first: 100 });
      const emails = new Map(res.data?.people.edges.map((e) => [e.node.id, e.node.email]));
      expect(emails.get(carole.userId)).toBe(carole.email);
      expect(emails.get(provenceAdmin.userId)).toBe(provenceAdmin.email);
      expect(emails.get(alice.userId)).toBeNull();
      expect(emails.get(auvergneAdmin.userId)).toBeNull();
    });
  });

  describe('people(search, skill, organizationId, first, after)', () => {
    it('finds a job title ignoring accents and case', async () => {
      for (const search of ['tresoriere', 'TRÉSORIÈRE', 'tréso martin', 'randonnee']) {
        expect(names(await people(bob, { search }))).toEqual(['Alice Martin']);
      }
      expect(names(await people(bob, { search: 'tresoriere durand' }))).toEqual([]);
    });

    it('filters by skill, ignoring case and accents', async () => {
      expect(names(await people(bob, { skill: 'comptabilite' }))).toEqual(['Alice Martin']);
      expect(names(await people(bob, { skill: 'EXCEL' }))).toEqual(['Alice Martin']);
      expect(names(await people(bob, { skill: 'Jonglage' }))).toEqual([]);
    });

    it('filters by organisation, including members of its sub-organisations', async () => {
      expect(names(await people(bob, { organizationId: clermont }))).toEqual([
        'Admin Clermont',
        'Alice Martin',
        'Bob Durand',
      ]);
      expect(names(await people(bob, { organizationId: auvergne }))).toEqual([
        'Admin Auvergne',
        'Admin Clermont',
        'Alice Martin',
        'Bob Durand',
      ]);
      expect(names(await people(bob, { organizationId: provence }))).toEqual(['Admin Provence', 'Carole Petit']);
      expect(names(await people(bob, { organizationId: auvergne, search: 'martin' }))).toEqual(['Alice Martin']);
    });

    it('pages alphabetically through everyone once, with totalCount', async () => {
      const club = await createOrganization(app, admin.accessToken, {
        name: 'Club Annuaire',
        kind: 'ASSOCIATION',
        parentId: provence,
      });
      for (const name of ['Étienne', 'Benoît', 'Denise', 'Amélie', 'Cédric']) {
        await newMember(app, admin.accessToken, club, 'MEMBER', name);
      }
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const res = await people(carole, { organizationId: club, first: 2, after });
        const page: People = res.data!.people;
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((e) => e.node.displayName));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(['Amélie', 'Benoît', 'Cédric', 'Denise', 'Étienne']);
    });

    it('leaves deactivated people out', async () => {
      const gone = await newMember(app, admin.accessToken, marseille, 'MEMBER', 'Parti Ailleurs');
      expect(names(await people(bob, { search: 'ailleurs' }))).toEqual(['Parti Ailleurs']);
      await app.sql('UPDATE users SET deactivated_at = now() WHERE id = $1', [gone.userId]);
      expect(names(await people(bob, { search: 'ailleurs' }))).toEqual([]);
    });

    it('refuses bad arguments with BAD_USER_INPUT naming them', async () => {
      for (const [variables, field] of [
        [{ organizationId: 'nope' }, 'organizationId'],
        [{ first: 0 }, 'first'],
        [{ first: 101 }, 'first'],
        [{ after: 'garbage' }, 'after'],
      ] as const) {
        const res = await people(bob, variables);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual([field]);
      }
    });

    it('is refused to anonymous callers', async () => {
      expect(errorCode(await app.gql(PEOPLE, { search: 'alice' }))).toBe('UNAUTHENTICATED');
    });
  });
});
