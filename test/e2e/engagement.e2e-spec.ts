import { EngagementFixture, seedEngagement } from '../support/engagement-fixtures';
import { loginAdmin, Session } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** The engagement dashboard's figures against values computed by hand on a small fixture (see engagement-fixtures). */
const FIGURES = `contributors activeReaders newMembers questionsAsked answeredWithin48hRate
  medianHoursToFirstAnswer p80HoursToFirstAnswer announcementReach`;
const ENGAGEMENT = `query($id: ID!, $days: Int) { engagement(organizationId: $id, days: $days) {
  days computedAt people unansweredQuestions ${FIGURES}
  organization { id }
  superMembers { score posts comments answers acceptedAnswers eventsAttended user { id displayName } }
  dormantAssociations { id name }
  byAssociation { organization { id name } ${FIGURES} } } }`;

interface Figures {
  contributors: number | null;
  activeReaders: number | null;
  newMembers: number | null;
  questionsAsked: number | null;
  answeredWithin48hRate: number | null;
  medianHoursToFirstAnswer: number | null;
  p80HoursToFirstAnswer: number | null;
  announcementReach: number | null;
}
interface Engagement extends Figures {
  days: number;
  computedAt: string;
  people: number;
  unansweredQuestions: number;
  organization: { id: string };
  superMembers: {
    score: number;
    acceptedAnswers: number;
    answers: number;
    eventsAttended: number;
    user: { id: string };
  }[];
  dormantAssociations: { id: string; name: string }[];
  byAssociation: (Figures & { organization: { id: string; name: string } })[];
}

describe('engagement', () => {
  let app: TestApp;
  let admin: Session;
  let f: EngagementFixture;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    f = await seedEngagement(app, admin.accessToken);
  }, 120_000);
  afterAll(() => app.close());

  const query = (who: Session, id: string, days?: number) =>
    app.gql<{ engagement: Engagement }>(ENGAGEMENT, { id, days }, who.accessToken);
  const engagement = async (who: Session, id: string, days?: number) => {
    const res = await query(who, id, days);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data.engagement;
  };

  it("gives the federation's figures as computed by hand, over 90 days by default", async () => {
    const before = Date.now();
    const e = await engagement(admin, f.federation);
    expect(e).toMatchObject({
      days: 90,
      organization: { id: f.federation },
      people: 13,
      contributors: 6,
      activeReaders: 8,
      newMembers: 4,
      questionsAsked: 5,
      unansweredQuestions: 2,
      answeredWithin48hRate: 0.4,
      medianHoursToFirstAnswer: 60,
      announcementReach: 0.75,
    });
    expect(Math.abs(new Date(e.computedAt).getTime() - before)).toBeLessThan(60_000);
  });

  it('counts unanswered questions as +infinity: a percentile that lands on them is null, never computed without them', async () => {
    const e = await engagement(admin, f.federation);
    // Hours 2, 10, 60, ∞, ∞: the median is 60 (dropping the unanswered would give 10), p80 is ∞.
    expect(e.p80HoursToFirstAnswer).toBeNull();
    expect(e.medianHoursToFirstAnswer).toBe(60);
    // An answer by the asker is not a first answer: a3's self-answered question stays unanswered.
    expect(e.unansweredQuestions).toBe(2);
  });

  it('ranks the super members by the documented score (ties: more accepted answers first)', async () => {
    const e = await engagement(admin, f.federation);
    expect(e.superMembers.map((s) => [s.user.id, s.score])).toEqual([
      [f.people.a2, 8],
      [f.people.a1, 8],
      [f.people.a3, 4],
      [f.people.a5, 3],
      [f.people.b1, 2],
    ]);
    expect(e.superMembers[0]).toMatchObject({ acceptedAnswers: 1, answers: 2 });
    // Events attended: only those held in the window and not cancelled (a1's was cancelled, b1's is to come).
    expect(e.superMembers.map((s) => s.eventsAttended)).toEqual([0, 0, 1, 2, 0]);
  });

  it('breaks the figures down by association below, with every cell under 5 people null', async () => {
    const e = await engagement(admin, f.federation);
    expect(e.byAssociation.map((a) => a.organization.name)).toEqual(['Club Alpha', 'Club Beta', 'Club Gamma']);
    const [alpha, beta, gamma] = e.byAssociation;
    expect(alpha).toMatchObject({
      contributors: 5,
      activeReaders: 5,
      // 2 new members, and questions asked by 2 people: too few to show.
      newMembers: null,
      questionsAsked: null,
      answeredWithin48hRate: null,
      medianHoursToFirstAnswer: null,
      // The announcement reached 3 of its members.
      announcementReach: null,
    });
    // Beta has 3 members (one of whom posted, asked and logged in): every cell is null.
    for (const cell of [beta, gamma])
      expect(cell).toMatchObject({
        contributors: null,
        activeReaders: null,
        newMembers: null,
        questionsAsked: null,
        answeredWithin48hRate: null,
        medianHoursToFirstAnswer: null,
        p80HoursToFirstAnswer: null,
        announcementReach: null,
      });
  });

  it('lists as dormant the associations with no contribution and no login for 60 days', async () => {
    const e = await engagement(admin, f.federation);
    expect(e.dormantAssociations).toEqual([{ id: f.gamma, name: 'Club Gamma' }]);
  });

  it('follows the window: 365 days count an older session, never what is older still', async () => {
    const e = await engagement(admin, f.federation, 365);
    expect(e).toMatchObject({ days: 365, activeReaders: 9, contributors: 6, people: 13 });
    const short = await engagement(admin, f.federation, 7);
    // In 7 days: b1's post and question, a4's question, a1's answer to it, a5's comment;
    // sessions of a5, b1 and the four who logged in.
    expect(short).toMatchObject({
      contributors: 4,
      activeReaders: 6,
      questionsAsked: 2,
      unansweredQuestions: 1,
      announcementReach: null,
    });
  });

  it("gives an association's admin its own figures, unmasked, and no breakdown", async () => {
    const e = await engagement(f.alphaAdmin, f.alpha);
    expect(e).toMatchObject({ people: 8, contributors: 5, activeReaders: 5, newMembers: 2, questionsAsked: 4 });
    expect(e.byAssociation).toEqual([]);
    expect(e.dormantAssociations).toEqual([]);
  });

  it('shows staff the figures but, among the super members, only their own entry', async () => {
    const e = await engagement(f.staff, f.region);
    expect(e).toMatchObject({ people: 12, contributors: 6 });
    expect(e.superMembers).toEqual([]);
    expect(e.byAssociation.map((a) => a.organization.id)).toEqual([f.alpha, f.beta]);
  });

  it("refuses an association's admin the federation's dashboard, and a plain member their own association's", async () => {
    for (const [who, id] of [
      [f.alphaAdmin, f.federation],
      [f.alphaAdmin, f.region],
      [f.member, f.alpha],
    ] as const) {
      const res = await query(who, id);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ORGANIZATION_ADMIN_OR_STAFF',
      });
      expect(res.data).toBeNull();
    }
  });

  it('refuses a window out of bounds, naming the field, and an unknown organisation is NOT_FOUND', async () => {
    for (const days of [0, 731]) {
      const res = await query(admin, f.federation, days);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['days'] });
    }
    const res = await query(admin, '00000000-0000-4000-8000-000000000000');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
