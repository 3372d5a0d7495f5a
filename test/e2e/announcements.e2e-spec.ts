import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { ReceivedMail, startTestSmtp, TestSmtp } from '../support/smtp';
import { startTestApp, TestApp } from '../support/test-app';

/** Announcements to a segment (audience fixed at send, e-mail preference, reach, who sees what) and renewal reminders. */
const SEND = `mutation($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) {
  id title body sentAt requireAcknowledgement organization { id } } }`;
const ANNOUNCEMENT = `query($id: ID!) { announcement(id: $id) {
  id title body viewerHasRead viewerHasAcknowledged audienceCount emailedCount readCount acknowledgedCount } }`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeAnnouncement(id: $id) { id viewerHasAcknowledged viewerHasRead } }`;
const LIST = `query($org: ID!) { announcements(organizationId: $org, first: 10) {
  edges { node { id title segmentName audienceCount emailedCount readCount acknowledgedCount } } } }`;
const MINE = `{ myAnnouncements(first: 10) { edges { node { id title viewerHasRead organization { id } audienceCount } } } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { type subjectId readAt } } } }`;
const SETTINGS = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) {
  emailAnnouncements emailRenewalReminders } }`;

function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** YYYY-MM-DD, `days` after `day`. */
function plusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('announcements and renewal reminders', () => {
  let smtp: TestSmtp;
  let app: TestApp;
  let admin: Session;
  let club: string;
  let alice: Session;
  let bob: Session;
  let carol: Session;
  let dan: Session;
  let optedOut: Session;
  let outsider: Session;
  let volunteers: string;
  let nobody: string;
  let announcementId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://maillage.example.org' });
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Lyon',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    const other = await createOrganization(app, admin.accessToken, {
      name: 'Club de Brest',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    [alice, bob, carol, dan, optedOut, outsider] = await Promise.all([
      newMember(app, admin.accessToken, club, 'MEMBER', 'Alice Lyon'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Bob Lyon'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Carol Lyon'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Dan Lyon'),
      newMember(app, admin.accessToken, club, 'MEMBER', 'Pierre Lyon'),
      newMember(app, admin.accessToken, other, 'MEMBER', 'Olga Brest'),
    ]);
    for (const person of [alice, bob, carol]) await categorize(person, ['BENEVOLE']);
    volunteers = await segment('Bénévoles du club', { categories: ['BENEVOLE'] });
    nobody = await segment('Élus', { categories: ['ELU'] });
    ok(await app.gql(SETTINGS, { input: { emailAnnouncements: false } }, carol.accessToken));
    ok(await app.gql(SETTINGS, { input: { emailRenewalReminders: false } }, optedOut.accessToken));
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
  });

  async function categorize(person: Session, categories: string[]): Promise<void> {
    ok(
      await app.gql(
        `mutation($o: ID!, $u: ID!, $c: [MemberCategory!]!) { setMemberCategories(organizationId: $o, userId: $u, categories: $c) { role } }`,
        { o: club, u: person.userId, c: categories },
        admin.accessToken,
      ),
    );
  }

  async function segment(name: string, filter: Record<string, unknown>): Promise<string> {
    return ok(
      await app.gql<{ createSegment: { id: string } }>(
        `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`,
        { input: { organizationId: club, name, filter } },
        admin.accessToken,
      ),
    ).createSegment.id;
  }

  async function jobsIdle(): Promise<void> {
    await eventually(async () => {
      const [{ busy }] = await app.sql<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM jobs WHERE (name LIKE 'mail.%' OR name LIKE 'announcements.%')
            AND state IN ('queued', 'running')`,
      );
      expect(busy).toBe(0);
    });
  }

  const isAnnouncement = (mail: ReceivedMail) => (mail.parsed.subject ?? '').startsWith('Assemblée générale');

  it('refuses non-admins (FORBIDDEN) and an empty segment (BAD_USER_INPUT on segmentId)', async () => {
    const input = {
      organizationId: club,
      segmentId: volunteers,
      title: 'Assemblée générale',
      body: 'Bonjour',
      channels: ['IN_APP'],
    };
    expect(errorCode(await app.gql(SEND, { input }, alice.accessToken))).toBe('FORBIDDEN');
    const empty = await app.gql(SEND, { input: { ...input, segmentId: nobody } }, admin.accessToken);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].extensions?.fields).toEqual(['segmentId']);
    const blank = await app.gql(SEND, { input: { ...input, title: '  ', channels: [] } }, admin.accessToken);
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining(['title', 'channels']));
    const [{ count }] = await app.sql<{ count: number }>('SELECT count(*)::int AS count FROM announcements');
    expect(count).toBe(0);
  });

  it('fixes the audience at send; in-app for all, e-mail only to those who keep announcement e-mails on', async () => {
    const sent = ok(
      await app.gql<{ sendAnnouncement: { id: string; title: string } }>(
        SEND,
        {
          input: {
            organizationId: club,
            segmentId: volunteers,
            title: 'Assemblée générale le 12 mars',
            body: 'Bonjour à tous,\n\nNotre assemblée générale aura lieu le 12 mars à 18 h.',
            channels: ['IN_APP', 'EMAIL'],
            requireAcknowledgement: true,
          },
        },
        admin.accessToken,
      ),
    ).sendAnnouncement;
    announcementId = sent.id;
    // Dan joins the segment after the send: he does not receive this one.
    await categorize(dan, ['BENEVOLE']);
    await jobsIdle();

    for (const person of [alice, bob]) {
      const mails = smtp.to(person.email).filter(isAnnouncement);
      expect(mails).toHaveLength(1);
      expect(mails[0].parsed.text).toContain('Notre assemblée générale aura lieu le 12 mars à 18 h.');
      expect(mails[0].parsed.text).toContain(`https://maillage.example.org/annonces/${announcementId}`);
    }
    expect(smtp.to(carol.email).filter(isAnnouncement)).toHaveLength(0);
    expect(smtp.to(dan.email).filter(isAnnouncement)).toHaveLength(0);

    for (const person of [alice, bob, carol]) {
      const notes = ok(
        await app.gql<{ notifications: { edges: { node: { type: string; subjectId: string } }[] } }>(
          NOTIFICATIONS,
          {},
          person.accessToken,
        ),
      ).notifications.edges.map((e) => e.node);
      expect(notes).toContainEqual(expect.objectContaining({ type: 'ANNOUNCEMENT', subjectId: announcementId }));
    }
    const danNotes = ok(
      await app.gql<{ notifications: { edges: { node: { type: string } }[] } }>(NOTIFICATIONS, {}, dan.accessToken),
    ).notifications.edges;
    expect(danNotes.filter((e) => e.node.type === 'ANNOUNCEMENT')).toHaveLength(0);
    expect(
      ok(await app.gql<{ myAnnouncements: { edges: unknown[] } }>(MINE, {}, dan.accessToken)).myAnnouncements.edges,
    ).toHaveLength(0);
    expect(errorCode(await app.gql(ANNOUNCEMENT, { id: announcementId }, dan.accessToken))).toBe('NOT_FOUND');
  });

  it('counts reach from the recipients: read on open, acknowledged; members see no counts', async () => {
    const mine = ok(
      await app.gql<{
        myAnnouncements: { edges: { node: { id: string; viewerHasRead: boolean; audienceCount: null } }[] };
      }>(MINE, {}, bob.accessToken),
    ).myAnnouncements.edges;
    expect(mine.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: announcementId, viewerHasRead: false, audienceCount: null }),
    ]);

    const opened = ok(
      await app.gql<{ announcement: Record<string, unknown> }>(ANNOUNCEMENT, { id: announcementId }, alice.accessToken),
    ).announcement;
    expect(opened).toMatchObject({ viewerHasRead: true, viewerHasAcknowledged: false, readCount: null });
    // Opening it read its notification too.
    const aliceNotes = ok(
      await app.gql<{ notifications: { edges: { node: { type: string; readAt: string | null } }[] } }>(
        NOTIFICATIONS,
        {},
        alice.accessToken,
      ),
    ).notifications.edges.filter((e) => e.node.type === 'ANNOUNCEMENT');
    expect(aliceNotes[0].node.readAt).not.toBeNull();
    // Twice counts once.
    ok(await app.gql(ANNOUNCEMENT, { id: announcementId }, alice.accessToken));
    const acknowledged = ok(
      await app.gql<{ acknowledgeAnnouncement: Record<string, unknown> }>(
        ACKNOWLEDGE,
        { id: announcementId },
        carol.accessToken,
      ),
    ).acknowledgeAnnouncement;
    expect(acknowledged).toMatchObject({ viewerHasAcknowledged: true, viewerHasRead: true });

    const list = ok(
      await app.gql<{ announcements: { edges: { node: Record<string, unknown> }[] } }>(
        LIST,
        { org: club },
        admin.accessToken,
      ),
    ).announcements.edges;
    expect(list.map((e) => e.node)).toEqual([
      {
        id: announcementId,
        title: 'Assemblée générale le 12 mars',
        segmentName: 'Bénévoles du club',
        audienceCount: 3,
        emailedCount: 2,
        readCount: 2,
        acknowledgedCount: 1,
      },
    ]);
  });

  it('shows an outsider nothing: NOT_FOUND, an empty list, FORBIDDEN reach', async () => {
    expect(errorCode(await app.gql(ANNOUNCEMENT, { id: announcementId }, outsider.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(ACKNOWLEDGE, { id: announcementId }, outsider.accessToken))).toBe('NOT_FOUND');
    expect(
      ok(await app.gql<{ myAnnouncements: { edges: unknown[] } }>(MINE, {}, outsider.accessToken)).myAnnouncements
        .edges,
    ).toHaveLength(0);
    expect(errorCode(await app.gql(LIST, { org: club }, outsider.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(LIST, { org: club }, alice.accessToken))).toBe('FORBIDDEN');
  });

  it('puts announcements received in the export', async () => {
    const data = ok(
      await app.gql<{ exportMyData: { announcements: { received: { id: string }[] } } }>(
        '{ exportMyData }',
        {},
        bob.accessToken,
      ),
    ).exportMyData;
    expect(data.announcements.received.map((a) => a.id)).toEqual([announcementId]);
  });

  it('renewal reminders: once per member and milestone, none after renewing, none when turned off', async () => {
    const today = '2027-03-01';
    const pay = async (person: Session, periodStart: string, periodEnd: string) =>
      ok(
        await app.gql(
          `mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id } }`,
          {
            input: {
              organizationId: club,
              userId: person.userId,
              amountCents: 3000,
              paidOn: periodStart,
              periodStart,
              periodEnd,
              reference: `test-${person.userId.slice(0, 8)}-${periodEnd}`,
            },
          },
          admin.accessToken,
        ),
      );
    await pay(alice, plusDays(today, -335), plusDays(today, 30)); // ends in 30 days
    await pay(bob, plusDays(today, -358), plusDays(today, 7)); // ends in 7 days
    await pay(carol, plusDays(today, -372), plusDays(today, -7)); // lapsed 7 days ago
    await pay(dan, plusDays(today, -358), plusDays(today, 7)); // ends in 7 days, but renews:
    await pay(dan, plusDays(today, 8), plusDays(today, 372));
    await pay(optedOut, plusDays(today, -335), plusDays(today, 30)); // turned reminders off

    const run = async () => {
      await app.sql(
        `WITH added AS (INSERT INTO jobs (name, payload, key) VALUES ('announcements.renewal-reminders', $1, 'test:' || gen_random_uuid()) RETURNING 1)
         SELECT pg_notify('maillage_jobs', 'announcements.renewal-reminders') FROM added`,
        [JSON.stringify({ today })],
      );
      await jobsIdle();
    };
    await run();
    await run();

    const reminders = (person: Session) =>
      smtp.to(person.email).filter((m) => /cotisation/i.test(m.parsed.subject ?? ''));
    expect(reminders(alice).map((m) => m.parsed.subject)).toEqual(['Votre cotisation arrive bientôt à échéance']);
    expect(reminders(bob).map((m) => m.parsed.subject)).toEqual(['Votre cotisation arrive bientôt à échéance']);
    expect(reminders(carol).map((m) => m.parsed.subject)).toEqual(['Votre cotisation a expiré']);
    expect(reminders(dan)).toHaveLength(0);
    expect(reminders(optedOut)).toHaveLength(0);
    expect(reminders(alice)[0].parsed.text).toContain('31 mars 2027');
    const log = await app.sql<{ milestone: string }>('SELECT milestone FROM renewal_reminders ORDER BY milestone');
    expect(log.map((row) => row.milestone)).toEqual(['ENDS_IN_30', 'ENDS_IN_7', 'LAPSED_7']);
  });

  it('erasure removes what the person received and the reminders sent to them', async () => {
    ok(await app.gql('mutation($p: String!) { deleteMyAccount(password: $p) }', { p: bob.password }, bob.accessToken));
    const [left] = await app.sql<{ received: number; reminded: number }>(
      `SELECT (SELECT count(*)::int FROM announcement_recipients WHERE user_id = $1) AS received,
              (SELECT count(*)::int FROM renewal_reminders WHERE user_id = $1) AS reminded`,
      [bob.userId],
    );
    expect(left).toEqual({ received: 0, reminded: 0 });
  });
});
