import { createOrganization, federationId, invite, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

const MEMBERS = `query($id: ID!, $search: String, $below: Boolean) { organization(id: $id) {
  members(first: 50, search: $search, includeBelow: $below) { totalCount edges { node { role accountDeactivated user { displayName } } } } } }`;
const PENDING = `query($id: ID!) { organization(id: $id) { pendingInvitations { id email role createdAt expiresAt token } } }`;
const AUDIT = `query($id: ID!, $action: String, $personId: ID) {
  auditLog(organizationId: $id, first: 50, action: $action, personId: $personId) { edges { node { action targetId actor { id } } } } }`;

interface Members {
  organization: {
    members: {
      totalCount: number;
      edges: { node: { role: string; accountDeactivated: boolean | null; user: { displayName: string } } }[];
    };
  };
}
interface Pending {
  organization: { pendingInvitations: { id: string; email: string; role: string; token: string | null }[] };
}
interface Audit {
  auditLog: { edges: { node: { action: string; targetId: string | null; actor: { id: string } | null } }[] };
}

/** What the admin screens read: member search, deactivation flags, pending invitations, a filtered audit log. */
describe('administration lists', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let otherClub: string;
  let clubAdmin: Session;
  let otherAdmin: Session;
  let eloise: Session;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Lannion',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    otherClub = await createOrganization(app, admin.accessToken, {
      name: 'Club de Morlaix',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    clubAdmin = await newMember(app, admin.accessToken, club, 'ADMIN', 'Anne Admin');
    otherAdmin = await newMember(app, admin.accessToken, otherClub, 'ADMIN', 'Olivier Autre');
    eloise = await newMember(app, admin.accessToken, club, 'MEMBER', 'Éloïse Durand');
    await newMember(app, admin.accessToken, club, 'MEMBER', 'Bruno Petit');
  });
  afterAll(() => app.close());

  it('searches members by name (case and accents ignored) and shows deactivation only to admins', async () => {
    const found = await app.gql<Members>(MEMBERS, { id: club, search: 'eloise' }, clubAdmin.accessToken);
    expect(found.data!.organization.members.totalCount).toBe(1);
    expect(found.data!.organization.members.edges[0].node.user.displayName).toBe('Éloïse Durand');
    expect(found.data!.organization.members.edges[0].node.accountDeactivated).toBe(false);

    const deactivated = await app.gql(
      'mutation($id: ID!) { deactivateUser(userId: $id) }',
      { id: eloise.userId },
      clubAdmin.accessToken,
    );
    expect(deactivated.errors).toBeUndefined();
    const again = await app.gql<Members>(MEMBERS, { id: club, search: 'Durand' }, clubAdmin.accessToken);
    expect(again.data!.organization.members.edges[0].node.accountDeactivated).toBe(true);

    const outsider = await app.gql<Members>(MEMBERS, { id: club, search: 'Durand' }, otherAdmin.accessToken);
    expect(outsider.data!.organization.members.edges[0].node.accountDeactivated).toBeNull();

    const all = await app.gql<Members>(MEMBERS, { id: club }, clubAdmin.accessToken);
    expect(all.data!.organization.members.totalCount).toBe(3);

    const fed = await federationId(app, admin.accessToken);
    const direct = await app.gql<Members>(MEMBERS, { id: fed, search: 'Durand' }, admin.accessToken);
    expect(direct.data!.organization.members.totalCount).toBe(0);
    const below = await app.gql<Members>(MEMBERS, { id: fed, search: 'Durand', below: true }, admin.accessToken);
    expect(below.data!.organization.members.edges.map((e) => e.node.user.displayName)).toEqual(['Éloïse Durand']);
  });

  it('lists pending invitations to admins only, without their tokens, and drops revoked ones', async () => {
    const first = await invite(app, clubAdmin.accessToken, club, 'premier@lannion.test');
    await invite(app, admin.accessToken, club, 'second@lannion.test', 'STAFF');
    const pending = await app.gql<Pending>(PENDING, { id: club }, clubAdmin.accessToken);
    const list = pending.data!.organization.pendingInvitations;
    expect(list.map((i) => i.email)).toEqual(['second@lannion.test', 'premier@lannion.test']);
    expect(list.every((i) => i.token === null)).toBe(true);

    const refused = await app.gql<Pending>(PENDING, { id: club }, otherAdmin.accessToken);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(JSON.stringify(refused.data ?? null)).not.toContain('lannion.test');

    await app.gql('mutation($id: ID!) { revokeInvitation(id: $id) }', { id: first.id }, clubAdmin.accessToken);
    const after = await app.gql<Pending>(PENDING, { id: club }, clubAdmin.accessToken);
    expect(after.data!.organization.pendingInvitations.map((i) => i.email)).toEqual(['second@lannion.test']);
  });

  it('filters the audit log by action and by person', async () => {
    await app.gql(
      'mutation($org: ID!, $user: ID!) { setMemberRole(organizationId: $org, userId: $user, role: STAFF) { role } }',
      { org: club, user: eloise.userId },
      clubAdmin.accessToken,
    );
    const roles = await app.gql<Audit>(AUDIT, { id: club, action: 'member.role_changed' }, clubAdmin.accessToken);
    expect(roles.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['member.role_changed']);

    const aboutEloise = await app.gql<Audit>(AUDIT, { id: club, personId: eloise.userId }, clubAdmin.accessToken);
    const actions = aboutEloise.data!.auditLog.edges.map((e) => e.node.action).sort();
    expect(actions).toEqual(['member.role_changed', 'user.deactivated']);

    const byAdmin = await app.gql<Audit>(AUDIT, { id: club, personId: admin.userId }, clubAdmin.accessToken);
    expect(byAdmin.data!.auditLog.edges.every((e) => e.node.actor?.id === admin.userId)).toBe(true);

    const badAction = await app.gql<Audit>(AUDIT, { id: club, action: 'nothing.real' }, clubAdmin.accessToken);
    expect(errorCode(badAction)).toBe('BAD_USER_INPUT');
  });
});
