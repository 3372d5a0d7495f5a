import { addDays, duesStatus, todayInParis } from '../../src/modules/members/dues-status';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { linksIn, startTestSmtp, TestSmtp } from '../support/smtp';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';

/** Association life: categories, dues, member filters, segments, CSV export and import (issue 14). */
const MEMBERS = `query($org: ID!, $filter: MemberFilter, $first: Int, $after: String) {
  members(organizationId: $org, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { user { id displayName } organization { id } categories duesStatus duesPaidUntil } } } }`;
const COUNT = `query($org: ID!, $filter: MemberFilter) { countMembers(organizationId: $org, filter: $filter) }`;
const SEGMENTS = `query($org: ID!) { segments(organizationId: $org) { id name builtIn memberCount
  filter { categories duesStatus joinedWithinDays duesEndingWithinDays includeDescendants } } }`;
const CREATE_SEGMENT = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id name memberCount builtIn } }`;
const DELETE_SEGMENT = `mutation($id: ID!) { deleteSegment(id: $id) }`;
const CATEGORIES = `mutation($org: ID!, $user: ID!, $categories: [MemberCategory!]!) {
  setMemberCategories(organizationId: $org, userId: $user, categories: $categories) { role categories } }`;
const PAY = `mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) {
  id amountCents paidOn periodStart periodEnd reference } }`;
const SETTINGS = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id duesGraceDays } }`;
const USER_MEMBERSHIPS = `query($id: ID!) { user(id: $id) { memberships { organization { id } categories duesStatus duesPaidUntil duesPayments { id } } } }`;
const EXPORT = `query($org: ID!, $filter: MemberFilter) { exportMembers(organizationId: $org, filter: $filter) }`;
const IMPORT = `mutation($org: ID!, $csv: String!, $dryRun: Boolean!) { importMembers(organizationId: $org, csv: $csv, dryRun: $dryRun) {
  created updated unchanged status importId errors { line column message } } }`;

interface Row {
  user: { id: string; displayName: string };
  organization: { id: string };
  categories: string[] | null;
  duesStatus: string | null;
  duesPaidUntil: string | null;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Row }[];
}

describe('members, dues and segments', () => {
  let smtp: TestSmtp;
  let app: TestApp;
  let fedAdmin: Session;
  let fed: string;
  let lyon: string;
  let brest: string;
  let lyonAdmin: Session;
  let brestAdmin: Session;
  /** Lyon: up to date, ending in 10 days, in grace, lapsed, never paid (joined long ago). */
  let [upToDate, ending, grace, lapsed, never]: Session[] = [];
  let brestMember: Session;
  const today = todayInParis();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://maillage.test' });
    fedAdmin = await loginAdmin(app);
    fed = await federationId(app, fedAdmin.accessToken);
    lyon = await createOrganization(app, fedAdmin.accessToken, {
      name: 'Club de Lyon',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    brest = await createOrganization(app, fedAdmin.accessToken, {
      name: 'Club de Brest',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    [lyonAdmin, brestAdmin] = await Promise.all([
      newMember(app, fedAdmin.accessToken, lyon, 'ADMIN', 'Présidente Lyon'),
      newMember(app, fedAdmin.accessToken, brest, 'ADMIN', 'Président Brest'),
    ]);
    [upToDate, ending, grace, lapsed, never, brestMember] = await Promise.all([
      newMember(app, lyonAdmin.accessToken, lyon, 'MEMBER', 'Éléonore Dupré'),
      newMember(app, lyonAdmin.accessToken, lyon, 'MEMBER', 'Noël Çelik'),
      newMember(app, lyonAdmin.accessToken, lyon, 'MEMBER', 'Gaëlle Lefèvre'),
      newMember(app, lyonAdmin.accessToken, lyon, 'MEMBER', 'Hugo Martin'),
      newMember(app, lyonAdmin.accessToken, lyon, 'MEMBER', 'Inès Roux'),
      newMember(app, brestAdmin.accessToken, brest, 'MEMBER', 'Yann Le Gall'),
    ]);
    // Joined long ago: not among the new members of the last 90 days.
    await app.sql(
      `UPDATE organization_memberships SET created_at = now() - interval '200 days' WHERE organization_id = $1 AND user_id = ANY($2::uuid[])`,
      [lyon, [never.userId, lyonAdmin.userId]],
    );
    const pay = (who: Session, start: number, end: number) =>
      ok<{ recordDuesPayment: { id: string } }>(
        call(lyonAdmin, PAY, {
          input: {
            organizationId: lyon,
            userId: who.userId,
            amountCents: 3000,
            paidOn: addDays(today, start),
            periodStart: addDays(today, start),
            periodEnd: addDays(today, end),
            reference: 'chèque 42',
          },
        }),
      );
    await pay(upToDate, -100, 100);
    await pay(ending, -355, 10);
    await pay(grace, -375, -10);
    await pay(lapsed, -405, -40);
    for (const [who, categories] of [
      [upToDate, ['ADHERENT', 'BENEVOLE']],
      [ending, ['ADHERENT']],
      [grace, ['BENEVOLE']],
    ] as const)
      await ok(call(lyonAdmin, CATEGORIES, { org: lyon, user: who.userId, categories }));
    await ok(call(brestAdmin, CATEGORIES, { org: brest, user: brestMember.userId, categories: ['BENEVOLE'] }));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
  });

  const call = <T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<T>(query, variables, who.accessToken);
  async function ok<T>(pending: Promise<GraphQLResponse<T>>): Promise<T> {
    const res = await pending;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  }
  const members = async (who: Session, org: string, filter: Record<string, unknown> = {}, first = 100) =>
    (await ok(call<{ members: Page }>(who, MEMBERS, { org, filter, first }))).members;

  it('computes each membership’s dues status from its periods and the grace period', async () => {
    const page = await members(lyonAdmin, lyon);
    const byName = new Map(page.edges.map(({ node }) => [node.user.displayName, node]));
    expect(page.totalCount).toBe(6);
    expect(byName.get('Éléonore Dupré')).toMatchObject({
      duesStatus: 'UP_TO_DATE',
      duesPaidUntil: addDays(today, 100),
      categories: ['ADHERENT', 'BENEVOLE'],
    });
    expect(byName.get('Noël Çelik')?.duesStatus).toBe('UP_TO_DATE');
    expect(byName.get('Gaëlle Lefèvre')?.duesStatus).toBe('GRACE');
    expect(byName.get('Hugo Martin')?.duesStatus).toBe('LAPSED');
    expect(byName.get('Inès Roux')).toMatchObject({ duesStatus: 'NONE', duesPaidUntil: null, categories: [] });
    // The SQL count of each status equals the per-row computation.
    for (const status of ['UP_TO_DATE', 'GRACE', 'LAPSED', 'NONE']) {
      const filtered = await members(lyonAdmin, lyon, { duesStatus: [status] });
      expect(filtered.totalCount).toBe(page.edges.filter(({ node }) => node.duesStatus === status).length);
      expect(filtered.edges.every(({ node }) => node.duesStatus === status)).toBe(true);
    }
    const periods = [{ start: addDays(today, -375), end: addDays(today, -10) }];
    expect(duesStatus(periods, today, 30)).toBe('GRACE');
  });

  it('filters with AND between fields and OR within a list, pages by keyset with an exact count', async () => {
    const both = await members(lyonAdmin, lyon, { categories: ['ADHERENT'], duesStatus: ['UP_TO_DATE'] }, 1);
    expect(both.totalCount).toBe(2);
    expect(both.pageInfo.hasNextPage).toBe(true);
    const next = (
      await ok(
        call<{ members: Page }>(lyonAdmin, MEMBERS, {
          org: lyon,
          filter: { categories: ['ADHERENT'], duesStatus: ['UP_TO_DATE'] },
          first: 1,
          after: both.pageInfo.endCursor,
        }),
      )
    ).members;
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect([both.edges[0].node.user.displayName, next.edges[0].node.user.displayName]).toEqual([
      'Éléonore Dupré',
      'Noël Çelik',
    ]);
    expect((await members(lyonAdmin, lyon, { duesStatus: ['GRACE', 'LAPSED'] })).totalCount).toBe(2);
    expect((await members(lyonAdmin, lyon, { joinedWithinDays: 90 })).totalCount).toBe(4);
    expect((await members(lyonAdmin, lyon, { search: 'eleonore' })).totalCount).toBe(1);
    expect((await members(lyonAdmin, lyon, { inactiveForDays: 30 })).totalCount).toBe(0);
    // The federation's admin across the subtree: Lyon's two volunteers and Brest's one.
    const volunteers = await members(fedAdmin, fed, { categories: ['BENEVOLE'], includeDescendants: true });
    expect(volunteers.totalCount).toBe(3);
    expect(volunteers.edges.map(({ node }) => node.duesStatus).sort()).toEqual(['GRACE', 'NONE', 'UP_TO_DATE']);
    expect(
      (
        await ok(
          call<{ countMembers: number }>(fedAdmin, COUNT, {
            org: fed,
            filter: { categories: ['BENEVOLE'], includeDescendants: true },
          }),
        )
      ).countMembers,
    ).toBe(3);
  });

  it('gives every association the five built-in segments with exact live counts, and saved ones', async () => {
    const { segments } = await ok(
      call<{ segments: { id: string; name: string; builtIn: boolean; memberCount: number }[] }>(lyonAdmin, SEGMENTS, {
        org: lyon,
      }),
    );
    expect(segments.map((s) => [s.name, s.builtIn, s.memberCount])).toEqual([
      ['À jour de cotisation', true, 2],
      ['Expire sous 30 jours', true, 1],
      ['Cotisation expirée (à relancer)', true, 2],
      ['Nouveaux adhérents (90 jours)', true, 4],
      ['Bénévoles', true, 2],
    ]);
    const saved = await ok(
      call<{ createSegment: { id: string; memberCount: number; builtIn: boolean } }>(lyonAdmin, CREATE_SEGMENT, {
        input: {
          organizationId: lyon,
          name: 'Adhérents à relancer',
          filter: { categories: ['ADHERENT'], duesStatus: ['NONE', 'LAPSED'] },
        },
      }),
    );
    expect(saved.createSegment).toMatchObject({ memberCount: 0, builtIn: false });
    // Live: a new payment period, a shorter grace period, and the counts follow.
    await ok(call(lyonAdmin, CATEGORIES, { org: lyon, user: never.userId, categories: ['ADHERENT'] }));
    await ok(call(lyonAdmin, SETTINGS, { input: { organizationId: lyon, duesGraceDays: 5 } }));
    const after = (
      await ok(call<{ segments: { id: string; memberCount: number }[] }>(lyonAdmin, SEGMENTS, { org: lyon }))
    ).segments;
    expect(after.find((s) => s.id === saved.createSegment.id)?.memberCount).toBe(1);
    expect((await members(lyonAdmin, lyon, { duesStatus: ['GRACE'] })).totalCount).toBe(0);
    await ok(call(lyonAdmin, SETTINGS, { input: { organizationId: lyon, duesGraceDays: 30 } }));
    // Built-in ones stay; saved ones go.
    const builtIn = after[0].id;
    expect((await call(lyonAdmin, DELETE_SEGMENT, { id: builtIn })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SEGMENT_BUILT_IN',
    });
    expect(errorCode(await call(brestAdmin, DELETE_SEGMENT, { id: saved.createSegment.id }))).toBe('NOT_FOUND');
    expect(await ok(call(lyonAdmin, DELETE_SEGMENT, { id: saved.createSegment.id }))).toEqual({ deleteSegment: true });
    // The federation's built-ins cover the whole subtree.
    const federation = (
      await ok(
        call<{ segments: { name: string; memberCount: number; filter: { includeDescendants: boolean } }[] }>(
          fedAdmin,
          SEGMENTS,
          { org: fed },
        ),
      )
    ).segments;
    expect(federation.find((s) => s.name === 'Bénévoles')).toMatchObject({
      memberCount: 3,
      filter: { includeDescendants: true },
    });
  });

  it('refuses members, counts and segments to other associations’ admins and to plain members, with no rows', async () => {
    for (const who of [brestAdmin, upToDate]) {
      const res = await call<{ members: Page }>(who, MEMBERS, { org: lyon, filter: { categories: ['BENEVOLE'] } });
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
      expect(errorCode(await call(who, COUNT, { org: lyon }))).toBe('FORBIDDEN');
      expect(errorCode(await call(who, SEGMENTS, { org: lyon }))).toBe('FORBIDDEN');
      expect(errorCode(await call(who, EXPORT, { org: lyon }))).toBe('FORBIDDEN');
      expect(errorCode(await call(who, IMPORT, { org: lyon, csv: 'email\nx@y.test\n', dryRun: true }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await call(who, CATEGORIES, { org: lyon, user: never.userId, categories: ['ELU'] }))).toBe(
        'FORBIDDEN',
      );
      expect(
        errorCode(await call(who, CREATE_SEGMENT, { input: { organizationId: lyon, name: 'x', filter: {} } })),
      ).toBe('FORBIDDEN');
    }
  });

  it('shows categories and dues only to the person and the admins above', async () => {
    const seen = async (viewer: Session) =>
      (
        await ok(
          call<{ user: { memberships: Record<string, unknown>[] } | null }>(viewer, USER_MEMBERSHIPS, {
            id: upToDate.userId,
          }),
        )
      ).user?.memberships.find((m) => (m.organization as { id: string }).id === lyon);
    for (const viewer of [upToDate, lyonAdmin, fedAdmin])
      expect(await seen(viewer)).toMatchObject({
        categories: ['ADHERENT', 'BENEVOLE'],
        duesStatus: 'UP_TO_DATE',
        duesPaidUntil: addDays(today, 100),
      });
    for (const viewer of [ending, brestAdmin, brestMember]) {
      const membership = await seen(viewer);
      if (membership)
        expect(membership).toMatchObject({
          categories: null,
          duesStatus: null,
          duesPaidUntil: null,
          duesPayments: null,
        });
    }
    const mine = await ok(
      call<{
        exportMyData: { duesPayments: { reference: string }[]; organizationMemberships: { categories: string[] }[] };
      }>(upToDate, '{ exportMyData }'),
    );
    expect(mine.exportMyData.duesPayments).toEqual([
      expect.objectContaining({ amount_cents: 3000, reference: 'chèque 42' }),
    ]);
    expect(mine.exportMyData.organizationMemberships[0].categories).toEqual(['ADHERENT', 'BENEVOLE']);
  });

  it('refuses bad payments naming the field', async () => {
    const base = {
      organizationId: lyon,
      userId: never.userId,
      amountCents: 2000,
      paidOn: today,
      periodStart: addDays(today, -10),
      periodEnd: addDays(today, 355),
    };
    const fields = async (input: Record<string, unknown>) =>
      (await call(lyonAdmin, PAY, { input: { ...base, ...input } })).errors?.[0].extensions;
    expect(await fields({ amountCents: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['amountCents'] });
    expect(await fields({ periodEnd: addDays(today, -11) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['periodEnd'],
    });
    expect(errorCode(await call(lyonAdmin, PAY, { input: { ...base, periodStart: '2026-02-30' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await call(lyonAdmin, PAY, { input: { ...base, userId: brestMember.userId } }))).toBe('NOT_FOUND');
    expect(
      errorCode(await call(lyonAdmin, CATEGORIES, { org: lyon, user: never.userId, categories: ['LICORNE'] })),
    ).toBe('BAD_USER_INPUT');
    await ok(call(lyonAdmin, PAY, { input: base }));
    expect(await fields({ periodStart: addDays(today, 300), periodEnd: addDays(today, 600) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DUES_PERIOD_OVERLAP',
      fields: ['periodStart'],
    });
    expect(errorCode(await call(brestAdmin, PAY, { input: base }))).toBe('FORBIDDEN');
  });

  it('exports for French Excel and imports the export back unchanged', async () => {
    await app.gql(
      `mutation { updateProfile(input: { displayName: "=HYPERLINK(1) Hugo" }) { id } }`,
      {},
      lapsed.accessToken,
    );
    const csv = (await ok(call<{ exportMembers: string }>(lyonAdmin, EXPORT, { org: lyon }))).exportMembers;
    expect(csv.startsWith('\uFEFFemail;prenom;nom;categories;cotisation_jusqu_au\r\n')).toBe(true);
    expect(csv).toContain(
      `;Éléonore;Dupré;adhérent|bénévole;${addDays(today, 100).split('-').reverse().join('/')}\r\n`,
    );
    expect(csv).toContain(`;'=HYPERLINK(1);Hugo;`);
    const writes = async () =>
      (
        await app.sql<{ n: number }>(
          `SELECT (SELECT count(*) FROM invitations)::int + (SELECT count(*) FROM dues_payments)::int AS n`,
        )
      )[0].n;
    const before = await writes();
    const dry = (
      await ok(call<{ importMembers: Record<string, unknown> }>(lyonAdmin, IMPORT, { org: lyon, csv, dryRun: true }))
    ).importMembers;
    expect(dry).toMatchObject({ created: 0, updated: 0, unchanged: 6, errors: [], status: 'DONE' });
    const applied = (
      await ok(call<{ importMembers: Record<string, unknown> }>(lyonAdmin, IMPORT, { org: lyon, csv, dryRun: false }))
    ).importMembers;
    expect(applied).toMatchObject({ created: 0, updated: 0, unchanged: 6, errors: [], status: 'DONE' });
    expect(await writes()).toBe(before);
  });

  it('imports a file: a dry run writes nothing, applying invites and updates once, bad lines reported', async () => {
    const csv = [
      'Email,Prénom,Nom,Catégories,"Cotisation jusqu\'au"',
      'zoe.laine@club.test,Zoé,Lainé,bénévole,31/12/2099',
      'pas-une-adresse,X,Y,,',
      `${never.email.toUpperCase()},Inès,Roux,adhérent|élu,2099-06-30`,
      'autre@club.test,,,licorne,',
      'date@club.test,,,,31/02/2099',
      '',
    ].join('\n');
    const invitations = async () =>
      (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM invitations WHERE organization_id = $1`, [lyon]))[0]
        .n;
    const before = await invitations();
    const run = async (dryRun: boolean) =>
      (await ok(call<{ importMembers: Record<string, unknown> }>(lyonAdmin, IMPORT, { org: lyon, csv, dryRun })))
        .importMembers;
    const errors = [
      { line: 3, column: 'email', message: expect.stringContaining('invalide') },
      { line: 5, column: 'categories', message: expect.stringContaining('licorne') },
      { line: 6, column: 'cotisation_jusqu_au', message: expect.stringContaining('31/02/2099') },
    ];
    expect(await run(true)).toMatchObject({ created: 1, updated: 1, unchanged: 0, errors });
    expect(await invitations()).toBe(before);
    expect(await run(false)).toMatchObject({ created: 1, updated: 1, unchanged: 0, errors, status: 'DONE' });
    expect(await invitations()).toBe(before + 1);
    expect(await run(false)).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors });
    expect(await invitations()).toBe(before + 1);
    const row = (await members(lyonAdmin, lyon, { search: 'Ines Roux' })).edges[0].node;
    expect(row).toMatchObject({
      categories: ['ADHERENT', 'ELU'],
      duesPaidUntil: '2099-06-30',
      duesStatus: 'UP_TO_DATE',
    });
    // The invited person gets one e-mail; accepting it brings the categories and dues the file gave.
    const mail = await eventually(() => {
      const received = smtp.to('zoe.laine@club.test');
      expect(received).toHaveLength(1);
      return received[0];
    });
    const link = linksIn(mail).find((l) => l.includes('/invitation/'))!;
    const token = decodeURIComponent(new URL(link).pathname.slice('/invitation/'.length));
    const accepted = await app.gql<{ acceptInvitation: { accessToken: string; user: { id: string } } }>(
      `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { id } } }`,
      { input: { token, displayName: 'Zoé Lainé', password: 'a-long-enough-password' } },
    );
    const zoe = accepted.data!.acceptInvitation;
    const own = await app.gql<{ user: { memberships: Record<string, unknown>[] } }>(
      USER_MEMBERSHIPS,
      { id: zoe.user.id },
      zoe.accessToken,
    );
    expect(own.data!.user.memberships[0]).toMatchObject({
      categories: ['BENEVOLE'],
      duesPaidUntil: '2099-12-31',
      duesStatus: 'UP_TO_DATE',
    });
  });

  it('refuses a whole file that is not UTF-8, has no email column or too many rows, writing nothing', async () => {
    const refusal = async (csv: string) =>
      (await call(lyonAdmin, IMPORT, { org: lyon, csv, dryRun: false })).errors?.[0].extensions;
    expect(await refusal('nom;prenom\nDupont;Jean\n')).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['csv'],
      reason: 'CSV_NO_EMAIL_COLUMN',
    });
    expect(await refusal('email;nom\nj@x.test;Fran\uFFFDois\n')).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['csv'],
      reason: 'CSV_NOT_UTF8',
    });
    const big = ['email', ...Array.from({ length: 10_001 }, (_, i) => `p${i}@big.test`)].join('\n');
    expect(await refusal(big)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['csv'], reason: 'CSV_TOO_MANY_ROWS' });
    expect(
      (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM invitations WHERE email LIKE '%@big.test'`))[0].n,
    ).toBe(0);
  });

  it('erases a person’s categories and keeps their dues for the accounts, anonymised', async () => {
    const payments = async () =>
      app.sql<{ user_id: string | null; amount_cents: number; reference: string | null }>(
        `SELECT user_id, amount_cents, reference FROM dues_payments WHERE organization_id = $1 AND period_end = $2`,
        [lyon, addDays(today, 10)],
      );
    expect(await payments()).toEqual([{ user_id: ending.userId, amount_cents: 3000, reference: 'chèque 42' }]);
    await ok(call(ending, 'mutation($p: String!) { deleteMyAccount(password: $p) }', { p: ending.password }));
    expect(await payments()).toEqual([{ user_id: null, amount_cents: 3000, reference: null }]);
    expect(
      (await members(lyonAdmin, lyon, { categories: ['ADHERENT'] })).edges.map(({ node }) => node.user.id),
    ).not.toContain(ending.userId);
  });
});
