import { codesOf, ok } from '../support/adversarial';
import { createOrganization, federationId, invite, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { acceptAsExisting } from '../support/privacy-fixtures';
import { closeAllSockets, connectSocket } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Who may end someone's account (API.md §8): only people who administer every organisation the
 * person belongs to (or one above each), never the federation's last active admin; and
 * `reactivateUser` for the same people. Written as the attacks of the issue were run.
 */
const ME = '{ me { id } }';
const DEACTIVATE = 'mutation($u: ID!) { deactivateUser(userId: $u) }';
const REACTIVATE = 'mutation($u: ID!) { reactivateUser(userId: $u) }';
const REMOVE = 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }';
const DEMOTE = 'mutation($o: ID!, $u: ID!) { setMemberRole(organizationId: $o, userId: $u, role: STAFF) { role } }';
const AUDIT = 'query($o: ID!) { auditLog(organizationId: $o, first: 50) { edges { node { action targetId } } } }';

describe('deactivateUser and reactivateUser', () => {
  let app: TestApp;
  let admin: Session, claire: Session, sophie: Session, yann: Session;
  let fed: string, bretagne: string, quimper: string, brest: string, marseille: string;
  const as = (who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<Record<string, unknown>>(query, variables, who.accessToken);
  const works = async (who: Session) => expect((await as(who, ME)).data).toEqual({ me: { id: who.userId } });
  const deactivatedAt = async (userId: string) =>
    (await app.sql<{ d: Date | null }>('SELECT deactivated_at AS d FROM users WHERE id = $1', [userId]))[0].d;
  const activeFederationAdmins = async () =>
    Number(
      (
        await app.sql<{ n: string }>(
          `SELECT count(*) AS n FROM organization_memberships m JOIN users u ON u.id = m.user_id
            WHERE m.organization_id = $1 AND m.role = 'ADMIN' AND u.deactivated_at IS NULL`,
          [fed],
        )
      )[0].n,
    );
  /** `host` (an admin of `organizationId`) invites `guest`, who accepts with their own password. */
  const joins = async (host: Session, organizationId: string, guest: Session) =>
    acceptAsExisting(app, (await invite(app, host.accessToken, organizationId, guest.email)).token, guest.password);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
    const org = (name: string, kind: 'REGION' | 'ASSOCIATION', parentId: string) =>
      createOrganization(app, admin.accessToken, { name, kind, parentId });
    bretagne = await org('Ligue de Bretagne', 'REGION', fed);
    [quimper, brest, marseille] = await Promise.all([
      org('Amicale de Quimper', 'ASSOCIATION', bretagne),
      org('Stade de Brest', 'ASSOCIATION', bretagne),
      org('Foyer de Marseille', 'ASSOCIATION', fed),
    ]);
    claire = await newMember(app, admin.accessToken, fed, 'ADMIN', 'Claire Martin');
    sophie = await newMember(app, admin.accessToken, quimper, 'ADMIN', 'Sophie Kerbrat');
    yann = await newMember(app, admin.accessToken, bretagne, 'ADMIN', 'Yann Le Goff');
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await app?.close();
  });

  it('a club admin who invites federation admins into her club cannot deactivate them (FORBIDDEN); they keep working', async () => {
    // The attack of the issue: Sophie invites Claire and the bootstrap admin as MEMBERs of her club,
    // they accept with their own passwords, then Sophie tries to end their accounts.
    await joins(sophie, quimper, claire);
    await joins(sophie, quimper, admin);
    for (const target of [claire, admin]) {
      const socket = await connectSocket(app.url, target.accessToken);
      expect(codesOf(await as(sophie, DEACTIVATE, { u: target.userId }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await as(sophie, REACTIVATE, { u: target.userId }))).toEqual(['FORBIDDEN']);
      expect(await deactivatedAt(target.userId)).toBeNull();
      await works(target);
      expect(socket.connected).toBe(true);
      socket.close();
      expect((await login(app, target.email, target.password)).userId).toBe(target.userId);
    }
    expect(await activeFederationAdmins()).toBe(2);
  });

  it('a league admin cannot deactivate someone who also belongs to a club outside the league', async () => {
    const karim = await newMember(app, admin.accessToken, brest, 'MEMBER', 'Karim Haddad');
    const hosted = (await invite(app, admin.accessToken, marseille, karim.email)).token;
    await acceptAsExisting(app, hosted, karim.password);
    expect(codesOf(await as(yann, DEACTIVATE, { u: karim.userId }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await as(sophie, DEACTIVATE, { u: karim.userId }))).toEqual(['NOT_FOUND']); // not her business
    await works(karim);
  });

  it('whoever administers all of a person’s organisations deactivates, then reactivates them; old sessions stay ended', async () => {
    const lea = await newMember(app, admin.accessToken, quimper, 'MEMBER', 'Léa Dubois');
    await joins(admin, brest, lea); // two clubs, both in Yann's league
    const socket = await connectSocket(app.url, lea.accessToken);
    expect(ok(await as(yann, DEACTIVATE, { u: lea.userId }))).toEqual({ deactivateUser: true });
    expect(codesOf(await as(lea, ME))).toEqual(['UNAUTHENTICATED']);
    await socket.disconnectedWithin(5_000);
    const refused = await app.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      {
        e: lea.email,
        p: lea.password,
      },
    );
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);

    expect(codesOf(await as(sophie, REACTIVATE, { u: lea.userId }))).toEqual(['FORBIDDEN']); // only one of the clubs
    expect(ok(await as(yann, REACTIVATE, { u: lea.userId }))).toEqual({ reactivateUser: true });
    expect(await deactivatedAt(lea.userId)).toBeNull();
    expect(codesOf(await as(lea, ME))).toEqual(['UNAUTHENTICATED']); // the old token does not come back
    await works(await login(app, lea.email, lea.password));
    const audit = ok(await as(yann, AUDIT, { o: bretagne })) as {
      auditLog: { edges: { node: { action: string; targetId: string } }[] };
    };
    const actions = audit.auditLog.edges.filter((e) => e.node.targetId === lea.userId).map((e) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
  });

  it('two federation admins deactivating each other at once: one account ends, the federation keeps an active admin', async () => {
    const [a, b] = await Promise.all([
      as(admin, DEACTIVATE, { u: claire.userId }),
      as(claire, DEACTIVATE, { u: admin.userId }),
    ]);
    const outcomes = [a, b].map((res) => (res.errors ? codesOf(res)[0] : 'done'));
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    // The loser is refused: CONFLICT (last active admin), or UNAUTHENTICATED when its own account ended first.
    expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(outcomes.find((o) => o !== 'done'));
    expect(await activeFederationAdmins()).toBe(1);

    // The survivor, now the last active admin, can neither leave nor step down.
    const survivor = outcomes[0] === 'done' ? admin : claire;
    const gone = survivor === admin ? claire : admin;
    expect(codesOf(await as(survivor, REMOVE, { o: fed, u: survivor.userId }))).toEqual(['CONFLICT']);
    expect(codesOf(await as(survivor, DEMOTE, { o: fed, u: survivor.userId }))).toEqual(['CONFLICT']);
    expect(ok(await as(survivor, REACTIVATE, { u: gone.userId }))).toEqual({ reactivateUser: true });
    expect(await activeFederationAdmins()).toBe(2);
    await works(await login(app, gone.email, gone.password));
  });
});
