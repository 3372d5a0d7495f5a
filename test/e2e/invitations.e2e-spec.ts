import { randomBytes } from 'node:crypto';
import { createOrganization, federationId, invite, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PASSWORD = 'correct horse battery';

interface InvitationShape {
  id: string;
  email: string;
  role: string;
  organization: { id: string; name: string };
  expiresAt: string;
  token: string;
}
interface AcceptPayload {
  accessToken: string;
  refreshToken: string;
  user: {
    id: string;
    displayName: string;
    email: string;
    memberships: { organization: { id: string }; role: string }[];
  };
}

const fieldsOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.fields;
const uniqueEmail = (who: string) => `${who}.${randomBytes(4).toString('hex')}@club.test`;

const INVITE = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { id email role organization { id name } expiresAt token } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  accessToken refreshToken user { id displayName email memberships { organization { id } role } } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) }`;

describe('invitations', () => {
  let app: TestApp;
  let admin: Session;
  let fed: string;
  let region: string;
  let club: string;
  let otherRegion: string;
  let regionAdmin: Session;
  let otherAdmin: Session;
  let clubStaff: Session;
  let clubMember: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
    region = await createOrganization(app, admin.accessToken, {
      name: 'Ligue des Pays de la Loire',
      kind: 'REGION',
      parentId: fed,
    });
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Nantes',
      kind: 'ASSOCIATION',
      parentId: region,
    });
    otherRegion = await createOrganization(app, admin.accessToken, {
      name: 'Ligue du Grand Est',
      kind: 'REGION',
      parentId: fed,
    });
    regionAdmin = await newMember(app, admin.accessToken, region, 'ADMIN', 'Admin Loire');
    otherAdmin = await newMember(app, admin.accessToken, otherRegion, 'ADMIN', 'Admin Grand Est');
    clubStaff = await newMember(app, admin.accessToken, club, 'STAFF', 'Staff Nantes');
    clubMember = await newMember(app, admin.accessToken, club, 'MEMBER', 'Membre Nantes');
  });
  afterAll(() => app.close());

  const inviteAs = (token: string, input: Record<string, unknown>) =>
    app.gql<{ inviteMember: InvitationShape }>(INVITE, { input }, token);
  const accept = (input: Record<string, unknown>) => app.gql<{ acceptInvitation: AcceptPayload }>(ACCEPT, { input });
  const revoke = (token: string, id: string) => app.gql<{ revokeInvitation: boolean }>(REVOKE, { id }, token);
  const membershipsOf = async (userId: string) =>
    app.sql<{ organization_id: string; role: string }>(
      'SELECT organization_id, role FROM organization_memberships WHERE user_id = $1 ORDER BY organization_id',
      [userId],
    );

  describe('inviteMember', () => {
    it('returns the invitation with a one-time token of at least 128 bits, valid 14 days', async () => {
      const before = Date.now();
      const res = await inviteAs(admin.accessToken, {
        organizationId: club,
        email: ' Zoe.Leroy@Club.TEST ',
        role: 'STAFF',
      });
      expect(res.errors).toBeUndefined();
      const invitation = res.data!.inviteMember;
      expect(invitation).toMatchObject({
        email: 'zoe.leroy@club.test',
        role: 'STAFF',
        organization: { id: club, name: 'Club de Nantes' },
      });
      expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      const fourteenDays = 14 * 24 * 3600 * 1000;
      expect(Date.parse(invitation.expiresAt) - before).toBeGreaterThan(fourteenDays - 60_000);
      expect(Date.parse(invitation.expiresAt) - Date.now()).toBeLessThan(fourteenDays + 60_000);
      const again = await inviteAs(admin.accessToken, { organizationId: club, email: uniqueEmail('autre') });
      expect(again.data?.inviteMember.token).not.toBe(invitation.token);
      expect(again.data?.inviteMember.role).toBe('MEMBER');
    });

    it('stores only a hash of the token', async () => {
      const { id, token } = await invite(app, admin.accessToken, club, uniqueEmail('hash'));
      const rows = await app.sql<{ id: string; row: string }>('SELECT id, i::text AS row FROM invitations i');
      expect(rows.map((r) => r.id)).toContain(id);
      for (const { row } of rows) expect(row).not.toContain(token);
    });

    it('lets an admin of an ancestor invite into a descendant', async () => {
      const res = await inviteAs(regionAdmin.accessToken, { organizationId: club, email: uniqueEmail('descendant') });
      expect(res.errors).toBeUndefined();
      expect(res.data?.inviteMember.organization.id).toBe(club);
    });

    it('is FORBIDDEN to staff, members and admins of another region', async () => {
      for (const who of [clubStaff, clubMember, otherAdmin]) {
        const res = await inviteAs(who.accessToken, { organizationId: club, email: uniqueEmail('intrus') });
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
      expect(
        errorCode(await inviteAs(regionAdmin.accessToken, { organizationId: fed, email: uniqueEmail('up') })),
      ).toBe('FORBIDDEN');
    });

    it('refuses a bad email or organisation id with BAD_USER_INPUT, an unknown organisation with NOT_FOUND', async () => {
      for (const email of ['not-an-email', 'two words@club.test', '']) {
        const res = await inviteAs(admin.accessToken, { organizationId: club, email });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual(['email']);
      }
      const malformed = await inviteAs(admin.accessToken, { organizationId: 'nope', email: uniqueEmail('x') });
      expect(fieldsOf(malformed)).toEqual(['organizationId']);
      const unknown = await inviteAs(admin.accessToken, { organizationId: UNKNOWN_ID, email: uniqueEmail('x') });
      expect(errorCode(unknown)).toBe('NOT_FOUND');
    });

    it('answers CONFLICT for someone who is already a member, whatever the case of the email', async () => {
      expect(errorCode(await inviteAs(admin.accessToken, { organizationId: club, email: clubMember.email }))).toBe(
        'CONFLICT',
      );
      const shouted = await inviteAs(admin.accessToken, {
        organizationId: club,
        email: clubMember.email.toUpperCase(),
      });
      expect(errorCode(shouted)).toBe('CONFLICT');
    });

    it('is refused to anonymous callers', async () => {
      const res = await app.gql(INVITE, { input: { organizationId: club, email: uniqueEmail('anon') } });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    });
  });

  describe('acceptInvitation for a new email', () => {
    it('creates the account, logs in and shows the membership', async () => {
      const email = uniqueEmail('nouvelle');
      const { token } = await invite(app, admin.accessToken, club, email, 'STAFF');
      const res = await accept({ token, displayName: '  Nouvelle Venue ', password: PASSWORD });
      expect(res.errors).toBeUndefined();
      const payload = res.data!.acceptInvitation;
      expect(payload.user).toMatchObject({ displayName: 'Nouvelle Venue', email });
      expect(payload.user.memberships).toEqual([{ organization: { id: club }, role: 'STAFF' }]);
      const me = await app.gql<{ me: { id: string } }>('{ me { id } }', {}, payload.accessToken);
      expect(me.data?.me.id).toBe(payload.user.id);
      expect((await login(app, email, PASSWORD)).userId).toBe(payload.user.id);
    });

    it('refuses a password under 12 characters, and the invitation stays usable', async () => {
      const { token } = await invite(app, admin.accessToken, club, uniqueEmail('court'));
      const short = await accept({ token, displayName: 'Mot Court', password: 'short-pass' });
      expect(errorCode(short)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(short)).toEqual(['password']);
      const ok = await accept({ token, displayName: 'Mot Court', password: PASSWORD });
      expect(ok.errors).toBeUndefined();
    });

    it('requires a display name for a new account', async () => {
      const { token } = await invite(app, admin.accessToken, club, uniqueEmail('anonyme'));
      for (const input of [
        { token, password: PASSWORD },
        { token, displayName: '   ', password: PASSWORD },
      ]) {
        const res = await accept(input);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual(['displayName']);
      }
      expect((await accept({ token, displayName: 'Enfin Nommé', password: PASSWORD })).errors).toBeUndefined();
    });

    it('refuses a token that was already used', async () => {
      const { token } = await invite(app, admin.accessToken, club, uniqueEmail('deux.fois'));
      expect((await accept({ token, displayName: 'Premier', password: PASSWORD })).errors).toBeUndefined();
      const reused = await accept({ token, displayName: 'Second', password: PASSWORD });
      expect(errorCode(reused)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(reused)).toEqual(['token']);
    });

    it('refuses a revoked token', async () => {
      const { id, token } = await invite(app, admin.accessToken, club, uniqueEmail('revoque'));
      expect((await revoke(admin.accessToken, id)).data?.revokeInvitation).toBe(true);
      const res = await accept({ token, displayName: 'Révoquée', password: PASSWORD });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['token']);
    });

    it('refuses an expired token', async () => {
      const { id, token } = await invite(app, admin.accessToken, club, uniqueEmail('expire'));
      await app.sql(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const res = await accept({ token, displayName: 'En Retard', password: PASSWORD });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['token']);
    });

    it('refuses an unknown token', async () => {
      const res = await accept({
        token: randomBytes(32).toString('base64url'),
        displayName: 'Pirate',
        password: PASSWORD,
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['token']);
      const users = await app.sql(`SELECT 1 FROM users WHERE display_name = 'Pirate'`);
      expect(users).toHaveLength(0);
    });
  });

  describe('acceptInvitation for an email that already has an account', () => {
    it('refuses a wrong password (UNAUTHENTICATED), then adds the membership to the same account', async () => {
      const existing = await newMember(app, admin.accessToken, club, 'MEMBER', 'Deja Membre');
      const { token } = await invite(app, regionAdmin.accessToken, region, existing.email.toUpperCase(), 'STAFF');

      for (const password of ['wrong password, long enough', 'short']) {
        const wrong = await accept({ token, displayName: 'Pirate', password });
        expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
        expect(wrong.data?.acceptInvitation).toBeFalsy();
      }
      expect(await membershipsOf(existing.userId)).toEqual([{ organization_id: club, role: 'MEMBER' }]);

      const res = await accept({ token, displayName: 'Pirate', password: existing.password });
      expect(res.errors).toBeUndefined();
      const user = res.data!.acceptInvitation.user;
      expect(user.id).toBe(existing.userId);
      expect(user.displayName).toBe('Deja Membre');
      expect(user.memberships).toEqual(
        expect.arrayContaining([
          { organization: { id: club }, role: 'MEMBER' },
          { organization: { id: region }, role: 'STAFF' },
        ]),
      );
      expect((await login(app, existing.email, existing.password)).userId).toBe(existing.userId);
      const accounts = await app.sql('SELECT 1 FROM users WHERE lower(email) = $1', [existing.email]);
      expect(accounts).toHaveLength(1);
    });
  });

  describe('revokeInvitation', () => {
    it('is refused to a non-admin and to another region’s admin, and the invitation still works', async () => {
      const email = uniqueEmail('tenace');
      const { id, token } = await invite(app, admin.accessToken, club, email);
      for (const who of [clubMember, clubStaff, otherAdmin]) {
        const res = await revoke(who.accessToken, id);
        expect(res.data?.revokeInvitation).toBeFalsy();
        expect(errorCode(res)).toBe('NOT_FOUND');
      }
      const rows = await app.sql<{ revoked_at: Date | null }>('SELECT revoked_at FROM invitations WHERE id = $1', [id]);
      expect(rows[0].revoked_at).toBeNull();
      expect((await accept({ token, displayName: 'Tenace', password: PASSWORD })).errors).toBeUndefined();
    });

    it('lets an admin of an ancestor revoke, and is idempotent', async () => {
      const { id } = await invite(app, admin.accessToken, club, uniqueEmail('annulee'));
      expect((await revoke(regionAdmin.accessToken, id)).data?.revokeInvitation).toBe(true);
      expect((await revoke(regionAdmin.accessToken, id)).data?.revokeInvitation).toBe(true);
    });

    it('answers CONFLICT for an accepted invitation, NOT_FOUND for an unknown one, BAD_USER_INPUT for a bad id', async () => {
      const { id, token } = await invite(app, admin.accessToken, club, uniqueEmail('acceptee'));
      await accept({ token, displayName: 'Acceptée', password: PASSWORD });
      expect(errorCode(await revoke(admin.accessToken, id))).toBe('CONFLICT');
      expect(errorCode(await revoke(admin.accessToken, UNKNOWN_ID))).toBe('NOT_FOUND');
      const bad = await revoke(admin.accessToken, 'nope');
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)).toEqual(['id']);
    });

    it('is refused to anonymous callers', async () => {
      expect(errorCode(await app.gql(REVOKE, { id: UNKNOWN_ID }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of two simultaneous acceptances of one token succeed', async () => {
      const email = uniqueEmail('course');
      const { token } = await invite(app, admin.accessToken, club, email);
      const results = await Promise.all([
        accept({ token, displayName: 'Coureuse Un', password: PASSWORD }),
        accept({ token, displayName: 'Coureuse Deux', password: `${PASSWORD} bis` }),
      ]);
      expect(results.filter((res) => res.data?.acceptInvitation)).toHaveLength(1);
      expect(results.map(errorCode).filter(Boolean)).toEqual(['BAD_USER_INPUT']);
      const users = await app.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
      expect(users).toHaveLength(1);
      expect(await membershipsOf(users[0].id)).toEqual([{ organization_id: club, role: 'MEMBER' }]);
    });

    it('joins one account when two invitations for one new email are accepted at once', async () => {
      const email = uniqueEmail('double');
      const first = await invite(app, admin.accessToken, club, email, 'MEMBER');
      const second = await invite(app, admin.accessToken, otherRegion, email, 'STAFF');
      const results = await Promise.all(
        [first, second].map(({ token }) => accept({ token, displayName: 'Double Invitée', password: PASSWORD })),
      );
      expect(results.map(errorCode)).toEqual([undefined, undefined]);
      const users = await app.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
      expect(users).toHaveLength(1);
      expect(results.map((res) => res.data?.acceptInvitation.user.id)).toEqual([users[0].id, users[0].id]);
      expect((await membershipsOf(users[0].id)).map((m) => m.role).sort()).toEqual(['MEMBER', 'STAFF']);
    });
  });
});
