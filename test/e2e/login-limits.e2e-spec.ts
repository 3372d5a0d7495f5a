import { randomBytes } from 'node:crypto';
import { codesOf, ok } from '../support/adversarial';
import { createOrganization, federationId, invite, loginAdmin, newMember, Session } from '../support/fixtures';
import { GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Nobody can lock someone else out (issue 18.2, 17.1). The server runs behind a trusted proxy
 * (TRUST_PROXY), so each request says which address it comes from, as a real one would.
 */
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }';
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const retryAfter = (res: GraphQLResponse<unknown>) => Number(res.errors?.[0]?.extensions?.retryAfter);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('login limits an attacker cannot turn against the owner (defaults: 5 per account and IP, 10 per account)', () => {
  let app: TestApp;
  let victim: Session, neighbour: Session, stranger: Session;
  const attempt = (who: { email: string }, password: string, ip: string) =>
    app.gql<{ login: { user: { id: string } } }>(LOGIN, { e: who.email, p: password }, undefined, from(ip));

  beforeAll(async () => {
    // A small per-IP limit (10, not 100) only to keep the spraying case short: the rule is the same.
    app = await startTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_IP: '10' });
    const admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    [victim, neighbour, stranger] = await Promise.all(
      ['Victime Visée', 'Voisine Wifi', 'Étranger Distant'].map((name) =>
        newMember(app, admin.accessToken, fed, 'MEMBER', name),
      ),
    );
  }, 120_000);
  afterAll(() => app?.close());

  it('eleven and more wrong passwords from elsewhere never refuse the owner’s right password from home', async () => {
    const home = '198.51.100.7';
    // One attacker address: 5 wrong passwords, then it alone is refused for this account.
    for (let i = 0; i < 5; i++)
      expect(codesOf(await attempt(victim, `devine-${i}`, '203.0.113.1'))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await attempt(victim, victim.password, '203.0.113.1'))).toEqual(['RATE_LIMITED']);
    // More addresses: 10 failures on the account, then each new one past the limit makes failing addresses wait longer.
    for (let i = 0; i < 5; i++)
      expect(codesOf(await attempt(victim, `encore-${i}`, '203.0.113.2'))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await attempt(victim, 'premier-essai', '203.0.113.3'))).toEqual(['UNAUTHENTICATED']); // 11th: heard
    const waiting = await attempt(victim, 'second-essai', '203.0.113.3');
    expect(codesOf(waiting)).toEqual(['RATE_LIMITED']);
    expect(retryAfter(waiting)).toBe(1);
    await pause(1_100); // a delay, not a lock: after the wait the address is heard again
    expect(codesOf(await attempt(victim, 'troisième-essai', '203.0.113.3'))).toEqual(['UNAUTHENTICATED']);
    for (const ip of ['203.0.113.4', '203.0.113.5', '203.0.113.6'])
      expect(codesOf(await attempt(victim, 'nouvelle-adresse', ip))).toEqual(['UNAUTHENTICATED']);
    const longer = await attempt(victim, 'quatrième-essai', '203.0.113.3');
    expect(codesOf(longer)).toEqual(['RATE_LIMITED']);
    expect(retryAfter(longer)).toBeGreaterThan(8); // 1 s, 2 s, 4 s, 8 s, 16 s: growing
    expect(retryAfter(longer)).toBeLessThanOrEqual(16);

    // 16 failures on the account, the attack still going: the owner gets in from home, and from a new address.
    expect(ok(await attempt(victim, victim.password, home))).toEqual({ login: { user: { id: victim.userId } } });
    expect(ok(await attempt(victim, victim.password, '192.0.2.99')).login.user.id).toBe(victim.userId);
    // Other accounts were never affected.
    expect(ok(await attempt(neighbour, neighbour.password, '203.0.113.1')).login.user.id).toBe(neighbour.userId);
  });

  it('an address that has been failing is not heard during its wait, even with the right password', async () => {
    const res = await attempt(victim, victim.password, '203.0.113.4'); // failed once above; the account waits 16 s
    expect(codesOf(res)).toEqual(['RATE_LIMITED']);
    const opened = await app.sql('SELECT 1 FROM sessions WHERE user_id = $1 AND ip = $2', [
      victim.userId,
      '203.0.113.4',
    ]);
    expect(opened).toEqual([]);
  });

  it('password spraying from a club’s wifi does not lock out its members; an account new to that wifi waits', async () => {
    const wifi = '192.0.2.10';
    expect(ok(await attempt(neighbour, neighbour.password, wifi)).login.user.id).toBe(neighbour.userId); // she uses it
    // Password spraying from the wifi: one guess on each of many addresses.
    for (let i = 0; i < 10; i++) {
      const email = `prenom${i}.nom-${randomBytes(2).toString('hex')}@club.test`;
      expect(codesOf(await attempt({ email }, 'Motdepasse2026!', wifi))).toEqual(['UNAUTHENTICATED']);
    }
    const sprayed = await attempt({ email: 'encore.un@club.test' }, 'Motdepasse2026!', wifi);
    expect(codesOf(sprayed)).toEqual(['RATE_LIMITED']);
    expect(retryAfter(sprayed)).toBeGreaterThan(0);
    // Her account logged in from this wifi before: she still gets in from it.
    expect(ok(await attempt(neighbour, neighbour.password, wifi)).login.user.id).toBe(neighbour.userId);
    // An account that never used this wifi waits, and gets in from anywhere else.
    expect(codesOf(await attempt(stranger, stranger.password, wifi))).toEqual(['RATE_LIMITED']);
    expect(ok(await attempt(stranger, stranger.password, '198.51.100.20')).login.user.id).toBe(stranger.userId);
  });
});

describe('acceptInvitation counts failures only (RATE_LIMIT_SCALE 1: 10 failures per IP per 15 min)', () => {
  let app: TestApp;
  let admin: Session;
  let fed: string;
  const accept = (input: Record<string, string>, ip: string) => app.gql(ACCEPT, { input }, undefined, from(ip));

  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_SCALE: '1' });
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
  }, 120_000);
  afterAll(() => app?.close());

  it('a workshop of 14 volunteers on one wifi all join, after the admins joined from the same room', async () => {
    const wifi = '192.0.2.77';
    const email = (name: string) => `${name}.${randomBytes(3).toString('hex')}@asso.test`;
    // The organisers joined from that room earlier.
    for (const name of ['organisatrice', 'organisateur']) {
      const { token } = await invite(app, admin.accessToken, fed, email(name), 'ADMIN');
      ok(await accept({ token, displayName: name, password: 'un-mot-de-passe-solide' }, wifi));
    }
    const invitations = await Promise.all(
      Array.from({ length: 14 }, (_, i) => invite(app, admin.accessToken, fed, email(`benevole${i}`))),
    );
    // Within a minute, a few at a time, as people type.
    for (let i = 0; i < invitations.length; i += 3) {
      const batch = invitations
        .slice(i, i + 3)
        .map(({ token }, j) =>
          accept({ token, displayName: `Bénévole ${i + j}`, password: 'un-mot-de-passe-solide' }, wifi),
        );
      for (const res of await Promise.all(batch)) expect(res.errors).toBeUndefined();
    }
  });

  it('still refuses the 11th failure from one address (unknown, used or mistyped tokens; wrong passwords)', async () => {
    const attacker = '203.0.113.66';
    const existing = await newMember(app, admin.accessToken, fed, 'MEMBER', 'Membre Existant');
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club voisin',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    const { token } = await invite(app, admin.accessToken, club, existing.email);
    for (let i = 0; i < 7; i++) {
      const res = await accept(
        { token: randomBytes(32).toString('base64url'), displayName: 'X', password: 'p'.repeat(12) },
        attacker,
      );
      expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    }
    for (let i = 0; i < 3; i++)
      expect(codesOf(await accept({ token, password: `faux-${i}-mot-de-passe` }, attacker))).toEqual([
        'UNAUTHENTICATED',
      ]);
    const refused = await accept({ token, password: existing.password }, attacker);
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    // A plain input mistake (a short password for a new account) is not a guess and does not count.
    const { token: other } = await invite(
      app,
      admin.accessToken,
      fed,
      `nouvelle.${randomBytes(3).toString('hex')}@asso.test`,
    );
    for (let i = 0; i < 12; i++) {
      const res = await accept({ token: other, displayName: 'Nouvelle', password: 'court' }, '198.51.100.31');
      expect(res.errors?.[0]?.extensions?.fields).toEqual(['password']);
    }
    expect(
      ok(await accept({ token: other, displayName: 'Nouvelle', password: 'enfin-assez-long' }, '198.51.100.31')),
    ).toBeDefined();
  });
});
