import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as ical from 'node-ical';
import { cliAsync } from '../support/cli';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode, GraphQLResponse } from '../support/graphql-client';
import { addGroupMember, createGroup } from '../support/group-fixtures';
import { search } from '../support/search';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Events through the real API: who may see them (member, follower, outsider, admin above; public
 * and private groups) by GraphQL and as .ics; RSVPs under contention (50 people at once for 10
 * places); the waitlist promoted in order; calendars parsed back; reminders sent once.
 */
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title startsAt endsAt capacity } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id title goingCount waitlistCount placesLeft viewerRsvp
  viewerWaitlistPosition cancelledAt group { id } } }`;
const EVENTS = `query($g: ID, $from: DateTime, $to: DateTime) { events(groupId: $g, from: $from, to: $to, first: 50) {
  totalCount edges { node { id } } } }`;
const UPCOMING = `{ upcomingEvents(first: 50) { edges { node { id } } } }`;
const RSVP = `mutation($e: ID!, $g: Boolean!) { rsvp(eventId: $e, going: $g) { id viewerRsvp viewerWaitlistPosition goingCount waitlistCount } }`;
const ATTENDEES = `query($id: ID!, $after: String) { event(id: $id) { attendees(first: 100, after: $after) {
  edges { node { status position user { id } } } pageInfo { hasNextPage endCursor } } } }`;
const CANCEL = `mutation($id: ID!) { cancelEvent(id: $id) }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id title capacity } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { type subjectId } } } }`;

interface Attendee {
  status: string;
  position: number | null;
  user: { id: string };
}

describe('events', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let owner: Session;
  let member: Session;
  let follower: Session;
  let outsider: Session;
  let publicGroup: string;
  let privateGroup: string;
  let publicEvent: string;
  let privateEvent: string;

  const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
  const call = <T = Record<string, unknown>>(who: Session | string, query: string, variables = {}) =>
    app.gql<T>(query, variables, typeof who === 'string' ? who : who.accessToken);
  const run = async <T = Record<string, unknown>>(who: Session | string, query: string, variables = {}) => {
    const res = await call<Record<string, T>>(who, query, variables);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data)[0];
  };
  const createEvent = async (who: Session, input: Record<string, unknown>) =>
    (
      await run<{ id: string }>(who, CREATE, {
        input: { title: 'Réunion', startsAt: hours(48), endsAt: hours(50), ...input },
      })
    ).id;
  const ics = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Lyon',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    [owner, member, follower, outsider] = await Promise.all(
      ['Organisatrice Lyon', 'Adhérent Lyon', 'Abonnée Lyon', 'Voisin Lyon'].map((name) =>
        newMember(app, admin.accessToken, club, 'MEMBER', name),
      ),
    );
    publicGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
    privateGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Bureau',
      visibility: 'PRIVATE',
    });
    for (const group of [publicGroup, privateGroup]) await addGroupMember(app, owner.accessToken, group, member.userId);
    await run(follower, 'mutation($g: ID!) { followGroup(groupId: $g) { id } }', { g: publicGroup });
    publicEvent = await createEvent(owner, {
      groupId: publicGroup,
      title: 'Atelier réparation de vélos',
      description: 'Apportez vos chambres à air.',
      location: 'Local du club',
    });
    privateEvent = await createEvent(owner, {
      groupId: privateGroup,
      title: 'Atelier budget prévisionnel',
      description: 'Préparation du budget.',
    });
  }, 120_000); // a shared CI machine may be slow to start a server
  afterAll(() => app.close());

  describe('access follows the group', () => {
    const sessions: Record<string, () => Session> = {
      member: () => member,
      follower: () => follower,
      outsider: () => outsider,
      'admin above': () => admin,
    };
    const cases: [string, 'public' | 'private', boolean][] = [
      ['member', 'public', true],
      ['follower', 'public', true],
      ['outsider', 'public', true],
      ['admin above', 'public', true],
      ['member', 'private', true],
      ['follower', 'private', false],
      ['outsider', 'private', false],
      ['admin above', 'private', true],
    ];
    it.each(cases)('%s, %s group: event, events, attendees, .ics (allowed: %s)', async (name, kind, allowed) => {
      const who = sessions[name];
      const id = kind === 'public' ? publicEvent : privateEvent;
      const group = kind === 'public' ? publicGroup : privateGroup;
      const one = await call(who(), EVENT, { id });
      const list = await call<{ events: { edges: { node: { id: string } }[] } }>(who(), EVENTS, { g: group });
      const file = await ics(`/events/${id}.ics`, who().accessToken);
      const attendees = await call(who(), ATTENDEES, { id });
      if (allowed) {
        expect(one.errors).toBeUndefined();
        expect(list.data?.events.edges.map((e) => e.node.id)).toContain(id);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toContain('text/calendar');
        expect(attendees.errors).toBeUndefined();
      } else {
        expect(errorCode(one)).toBe('NOT_FOUND');
        expect(one.errors?.[0]?.extensions?.reason).toBe('EVENT_NOT_FOUND');
        expect(errorCode(list)).toBe('FORBIDDEN');
        expect(file.status).toBe(404);
        expect(errorCode(attendees)).toBe('NOT_FOUND');
      }
    });

    it('answers an unknown event and a call without a token as if nothing were there', async () => {
      expect(errorCode(await call(member, EVENT, { id: randomUUID() }))).toBe('NOT_FOUND');
      expect((await ics(`/events/${randomUUID()}.ics`, member.accessToken)).status).toBe(404);
      expect((await ics(`/events/${publicEvent}.ics`)).status).toBe(401);
    });

    it('lists upcoming events of the groups one belongs to or follows, never unreadable ones', async () => {
      const upcoming = async (who: Session) =>
        (await run<{ edges: { node: { id: string } }[] }>(who, UPCOMING)).edges.map((e) => e.node.id);
      expect(await upcoming(member)).toEqual(expect.arrayContaining([publicEvent, privateEvent]));
      expect(await upcoming(follower)).toEqual([publicEvent]);
      expect(await upcoming(outsider)).toEqual([]);
    });

    it('lets members create, the author and managers change or cancel, and nobody else', async () => {
      const refused = await call(outsider, CREATE, {
        input: { groupId: publicGroup, title: 'Intrus', startsAt: hours(5), endsAt: hours(6) },
      });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      const mine = await createEvent(member, { groupId: publicGroup, title: 'Sortie vélo' });
      expect(errorCode(await call(follower, UPDATE, { input: { id: mine, title: 'Piraté' } }))).toBe('FORBIDDEN');
      expect(errorCode(await call(follower, CANCEL, { id: mine }))).toBe('FORBIDDEN');
      expect(await run(member, UPDATE, { input: { id: mine, title: 'Sortie vélo du dimanche' } })).toMatchObject({
        title: 'Sortie vélo du dimanche',
      });
      expect(await run(owner, CANCEL, { id: mine })).toBe(true);
    });
  });

  describe('bad input', () => {
    it('refuses an event that ends before it starts, naming endsAt', async () => {
      const res = await call(member, CREATE, {
        input: { groupId: publicGroup, title: 'À l’envers', startsAt: hours(10), endsAt: hours(9) },
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions).toMatchObject({ fields: ['endsAt'], reason: 'EVENT_ENDS_BEFORE_START' });
    });

    it('refuses a negative capacity, naming capacity', async () => {
      const res = await call(member, CREATE, {
        input: { groupId: publicGroup, title: 'Négatif', startsAt: hours(10), endsAt: hours(11), capacity: -1 },
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields).toEqual(['capacity']);
    });

    it('refuses an answer to a cancelled or a past event, naming eventId', async () => {
      const cancelled = await createEvent(owner, { groupId: publicGroup, title: 'Annulée' });
      await run(owner, CANCEL, { id: cancelled });
      const past = await createEvent(owner, { groupId: publicGroup, title: 'Passée' });
      await app.sql(
        `UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' WHERE id = $1`,
        [past],
      );
      for (const [id, reason] of [
        [cancelled, 'EVENT_CANCELLED'],
        [past, 'EVENT_PAST'],
      ]) {
        const res = await call(member, RSVP, { e: id, g: true });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions).toMatchObject({ fields: ['eventId'], reason });
      }
    });
  });

  describe('RSVPs and the waitlist', () => {
    let event: string;
    let people: { userId: string; token: string }[];

    beforeAll(async () => {
      event = await createEvent(owner, { groupId: publicGroup, title: 'Assemblée générale', capacity: 10 });
      people = await manyPeople(50);
    }, 60_000);

    it('gives exactly 10 places to 50 people answering at once, and waitlists 40 in order', async () => {
      const answers = await Promise.all(
        people.map((p) =>
          run<{ viewerRsvp: string; viewerWaitlistPosition: number | null }>(p.token, RSVP, { e: event, g: true }),
        ),
      );
      expect(answers.filter((a) => a.viewerRsvp === 'GOING')).toHaveLength(10);
      expect(answers.filter((a) => a.viewerRsvp === 'WAITLISTED')).toHaveLength(40);
      expect(await run(owner, EVENT, { id: event })).toMatchObject({
        goingCount: 10,
        waitlistCount: 40,
        placesLeft: 0,
      });
      const [going, waiting] = await attendeeLists(event);
      expect(going).toHaveLength(10);
      expect(waiting.map((a) => a.position)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      // The order of the list is the order in which places were asked for (the row lock's order).
      const order = await app.sql<{ user_id: string }>(
        `SELECT user_id FROM event_rsvps WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY responded_at, seq`,
        [event],
      );
      expect(waiting.map((a) => a.user.id)).toEqual(order.map((row) => row.user_id));
      const third = people.find((p) => p.userId === waiting[2].user.id)!;
      expect(await run(third.token, EVENT, { id: event })).toMatchObject({
        viewerRsvp: 'WAITLISTED',
        viewerWaitlistPosition: 3,
      });
    });

    it('promotes the first waitlisted when someone going withdraws, and tells them', async () => {
      const [going, waiting] = await attendeeLists(event);
      const leaving = people.find((p) => p.userId === going[0].user.id)!;
      const first = people.find((p) => p.userId === waiting[0].user.id)!;
      const second = people.find((p) => p.userId === waiting[1].user.id)!;
      expect(await run(leaving.token, RSVP, { e: event, g: false })).toMatchObject({
        viewerRsvp: 'NOT_GOING',
        goingCount: 10,
        waitlistCount: 39,
      });
      expect(await run(first.token, EVENT, { id: event })).toMatchObject({ viewerRsvp: 'GOING' });
      expect(await run(second.token, EVENT, { id: event })).toMatchObject({ viewerWaitlistPosition: 1 });
      const told = (await run<{ edges: { node: { type: string; subjectId: string } }[] }>(first.token, NOTIFICATIONS))
        .edges;
      expect(told.map((e) => e.node)).toContainEqual({ type: 'EVENT_PROMOTED', subjectId: event });
      // A waitlisted person withdrawing promotes nobody.
      expect(await run(second.token, RSVP, { e: event, g: false })).toMatchObject({
        goingCount: 10,
        waitlistCount: 38,
      });
    });

    it('promotes in order when the capacity grows, and tells the attendees when it is cancelled', async () => {
      const [, waiting] = await attendeeLists(event);
      await run(owner, UPDATE, { input: { id: event, capacity: 12 } });
      const [going] = await attendeeLists(event);
      expect(going.slice(-2).map((a) => a.user.id)).toEqual(waiting.slice(0, 2).map((a) => a.user.id));
      expect(await run(owner, CANCEL, { id: event })).toBe(true);
      const someone = people.find((p) => p.userId === going[3].user.id)!;
      const told = (await run<{ edges: { node: { type: string; subjectId: string } }[] }>(someone.token, NOTIFICATIONS))
        .edges;
      expect(told.map((e) => e.node)).toContainEqual({ type: 'EVENT_CANCELLED', subjectId: event });
    });
  });

  describe('calendars', () => {
    const parisTime = (date: Date) =>
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(date);

    it('exports an event in Paris time on both sides of the change to summer time', async () => {
      // 10:00 in Paris: CET (UTC+1) in January, CEST (UTC+2) after the last Sunday of March.
      const winter = await createEvent(owner, {
        groupId: publicGroup,
        title: 'Galette des rois',
        startsAt: '2027-01-15T09:00:00.000Z',
        endsAt: '2027-01-15T11:00:00.000Z',
        location: 'Salle des fêtes',
      });
      const summer = await createEvent(owner, {
        groupId: publicGroup,
        title: 'Tournoi de printemps',
        startsAt: '2027-03-29T08:00:00.000Z',
        endsAt: '2027-03-29T10:00:00.000Z',
      });
      for (const [id, day] of [
        [winter, '15/01/2027 10:00'],
        [summer, '29/03/2027 10:00'],
      ]) {
        const res = await ics(`/events/${id}.ics`, member.accessToken);
        const text = await res.text();
        expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
        const parsed = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
        expect(parsed).toHaveLength(1);
        expect(parisTime(parsed[0].start)).toBe(day);
        expect(parsed[0].status).toBe('CONFIRMED');
      }
      await run(owner, CANCEL, { id: winter });
      const cancelled = await (await ics(`/events/${winter}.ics`, member.accessToken)).text();
      expect(cancelled).toContain('STATUS:CANCELLED');
      const [parsed] = Object.values(ical.sync.parseICS(cancelled)).filter(
        (c) => c?.type === 'VEVENT',
      ) as ical.VEvent[];
      expect(parsed.summary).toBe('Galette des rois');
      expect(parsed.location).toBe('Salle des fêtes');
    });

    it('serves a personal feed at a secret address, which a reset revokes', async () => {
      const url = (await run<{ calendarUrl: string }>(member, '{ me { calendarUrl } }')).calendarUrl;
      expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect((await run<{ calendarUrl: string }>(member, '{ me { calendarUrl } }')).calendarUrl).toBe(url);
      // Nobody else's calendarUrl is ever shown.
      const other = await run<{ calendarUrl: string | null }>(
        owner,
        'query($id: ID!) { user(id: $id) { calendarUrl } }',
        {
          id: member.userId,
        },
      );
      expect(other.calendarUrl).toBeNull();
      const path = new URL(url).pathname;
      const feed = await fetch(`${app.url}${path}`);
      expect(feed.status).toBe(200);
      const events = Object.values(ical.sync.parseICS(await feed.text())).filter(
        (c) => c?.type === 'VEVENT',
      ) as ical.VEvent[];
      const uids = events.map((e) => e.uid);
      expect(uids).toEqual(expect.arrayContaining([`${publicEvent}@maillage`, `${privateEvent}@maillage`]));
      const fresh = await run<string>(member, 'mutation { resetCalendarUrl }');
      expect(fresh).not.toBe(url);
      expect((await fetch(`${app.url}${path}`)).status).toBe(404);
      expect((await fetch(`${app.url}${new URL(fresh).pathname}`)).status).toBe(200);
      expect((await fetch(`${app.url}/calendar/not-a-token.ics`)).status).toBe(404);
    });
  });

  it('reminds people going the day before, once however often the job runs (clock injected)', async () => {
    const startsAt = new Date(Date.now() + 5 * 24 * 3_600_000);
    const event = await createEvent(owner, {
      groupId: publicGroup,
      title: 'Sortie au lac',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    });
    await run(member, RSVP, { e: event, g: true });
    const at = new Date(startsAt.getTime() - 20 * 3_600_000).toISOString();
    const runJob = async (payload: object) => {
      const [{ id }] = await app.sql<{ id: string }>(
        `WITH job AS (INSERT INTO jobs (name, payload, key) VALUES ('events.reminders', $1, $2) RETURNING id)
         SELECT id::text, pg_notify('maillage_jobs', 'events.reminders') FROM job`,
        [JSON.stringify(payload), `spec:${randomUUID()}`],
      );
      await eventually(async () =>
        expect(await app.sql(`SELECT state FROM jobs WHERE id = $1`, [id])).toEqual([{ state: 'done' }]),
      );
    };
    await runJob({}); // now: five days early, nobody is reminded
    await runJob({ at });
    await runJob({ at });
    const reminders = (
      await run<{ edges: { node: { type: string; subjectId: string } }[] }>(member, NOTIFICATIONS)
    ).edges.filter((e) => e.node.type === 'EVENT_REMINDER' && e.node.subjectId === event);
    expect(reminders).toHaveLength(1);
    expect(
      await app.sql(`SELECT count(*)::int AS n FROM mail_messages WHERE kind = 'event-reminder' AND user_id = $1`, [
        member.userId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('finds events in search under the same access rules', async () => {
    const hits = async (who: Session) =>
      (await search(app, who.accessToken, 'atelier', { types: ['EVENT' as never] })).hits.map((h) => h.id);
    await eventually(async () =>
      expect(await hits(member)).toEqual(expect.arrayContaining([publicEvent, privateEvent])),
    );
    expect(await hits(outsider)).toEqual([publicEvent]);
  });

  it("puts a person's answers in their export", async () => {
    await run(member, RSVP, { e: publicEvent, g: true });
    const data = await run<{ events: { rsvps: { event_id: string; status: string }[] } }>(member, '{ exportMyData }');
    expect(data.events.rsvps).toContainEqual(expect.objectContaining({ event_id: publicEvent, status: 'GOING' }));
  });

  it('erases answers with the account: the place goes to the next in line; every column is declared', async () => {
    const event = await createEvent(owner, { groupId: publicGroup, title: 'Visite guidée', capacity: 1 });
    const leaving = await newMember(app, admin.accessToken, club, 'MEMBER', 'Partante Lyon');
    await run(leaving, RSVP, { e: event, g: true });
    expect(await run(member, RSVP, { e: event, g: true })).toMatchObject({ viewerRsvp: 'WAITLISTED' });
    await run(leaving, 'mutation($p: String!) { deleteMyAccount(password: $p) }', { p: leaving.password });
    expect(await run(member, EVENT, { id: event })).toMatchObject({ viewerRsvp: 'GOING', goingCount: 1 });
    expect(await app.sql('SELECT 1 FROM event_rsvps WHERE user_id = $1', [leaving.userId])).toEqual([]);
    const check = await cliAsync(['personal-data', '--check'], app.env);
    expect(check.status).toBe(0);
  });

  /** People with open sessions, made in SQL: 50 real logins would measure argon2, not RSVPs. */
  async function manyPeople(count: number): Promise<{ userId: string; token: string }[]> {
    const rows = await app.sql<{ id: string; sid: string }>(
      `WITH made AS (
         INSERT INTO users (email, password_hash, display_name)
         SELECT 'foule' || i || '.' || $2 || '@club.test', (SELECT password_hash FROM users WHERE id = $1), 'Personne ' || i
           FROM generate_series(1, $3) AS i RETURNING id),
       opened AS (INSERT INTO sessions (user_id, user_agent) SELECT id, 'events-spec' FROM made RETURNING id, user_id)
       SELECT user_id AS id, id AS sid FROM opened`,
      [owner.userId, randomUUID().slice(0, 8), count],
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AccessTokens } = require(join(__dirname, '..', '..', 'dist', 'modules', 'auth', 'access-tokens.js')) as {
      AccessTokens: new (secret: string) => { sign(claims: { sub: string; sid: string }): string };
    };
    const tokens = new AccessTokens(app.env.JWT_SECRET);
    return rows.map((row) => ({ userId: row.id, token: tokens.sign({ sub: row.id, sid: row.sid }) }));
  }

  async function attendeeLists(event: string): Promise<[Attendee[], Attendee[]]> {
    const all: Attendee[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<{
        event: { attendees: { edges: { node: Attendee }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      }> = await call(owner, ATTENDEES, { id: event, after });
      const page = res.data!.event.attendees;
      all.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return [all.filter((a) => a.status === 'GOING'), all.filter((a) => a.status === 'WAITLISTED')];
  }
});
