import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { addGroupMember, createGroup } from '../support/group-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Questions and answers through GraphQL: asking, answering, votes, acceptance, input limits and the notifications they cause. */
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) {
  id title body tags status answerCount createdAt group { id } author { id } acceptedAnswer { id } } }`;
const ANSWER = `mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) {
  id body score viewerVote isAccepted author { id } question { id answerCount } } }`;
const ACCEPT = `mutation($a: ID!) { acceptAnswer(answerId: $a) { id status acceptedAnswer { id isAccepted author { id } } } }`;
const VOTE = `mutation($a: ID!, $v: Int!) { voteAnswer(answerId: $a, value: $v) { id score viewerVote } }`;
const QUESTION = `query($id: ID!) { question(id: $id) { id title status answerCount acceptedAnswer { id } } }`;
const ANSWERS = `query($id: ID!, $order: AnswerOrder!, $first: Int!, $after: String) { question(id: $id) {
  answers(orderBy: $order, first: $first, after: $after) {
    totalCount edges { node { id isAccepted score } } pageInfo { hasNextPage endCursor } } } }`;
const QUESTIONS = `query($groupId: ID, $status: QuestionStatus, $tag: String, $first: Int!, $after: String) {
  questions(groupId: $groupId, status: $status, tag: $tag, first: $first, after: $after) {
    totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const GROUP_QUESTIONS = `query($id: ID!) { group(id: $id) { name questions(first: 10) { edges { node { id } } } } }`;
const GROUP_NAME = `query($id: ID!) { group(id: $id) { name memberCount } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { type subjectId actor { id } } } } }`;

interface Page {
  totalCount: number;
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('questions and answers', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let owner: Session;
  let moderator: Session;
  let asker: Session;
  let answerer: Session;
  let member: Session;
  let outsider: Session;
  let publicGroup: string;
  let privateGroup: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Nantes',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    owner = await person('Présidente Nantes');
    moderator = await person('Modérateur Nantes');
    asker = await person('Demandeuse Nantes');
    answerer = await person('Répondant Nantes');
    member = await person('Adhérent Nantes');
    outsider = await person('Voisine Nantes');
    publicGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Vie associative',
      visibility: 'PUBLIC',
    });
    privateGroup = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Commission finances',
      visibility: 'PRIVATE',
    });
    for (const group of [publicGroup, privateGroup]) {
      await addGroupMember(app, owner.accessToken, group, moderator.userId, 'MODERATOR');
      for (const someone of [asker, answerer, member])
        await addGroupMember(app, owner.accessToken, group, someone.userId);
    }
  });
  afterAll(() => app.close());

  function person(name: string) {
    return newMember(app, admin.accessToken, club, 'MEMBER', name);
  }
  const call = <T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown> = {}) =>
    app.gql<T>(query, variables, who.accessToken);
  /** The value of the operation's only root field, for a call that must succeed (else its errors are thrown). */
  const run = async <T = Record<string, unknown>>(who: Session, query: string, variables: Record<string, unknown>) => {
    const res = await call(who, query, variables);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data)[0] as T;
  };
  const ask = (who: Session, groupId: string, title: string, tags: string[] = [], body = 'Merci pour vos retours.') =>
    run<{ id: string }>(who, ASK, { input: { groupId, title, body, tags } }).then((q) => q.id);
  const answer = (who: Session, questionId: string, body: string) =>
    run<{ id: string }>(who, ANSWER, { input: { questionId, body } }).then((a) => a.id);
  const notificationsAbout = async (who: Session, subjectId: string) =>
    (
      await run<{ edges: { node: { type: string; subjectId: string; actor: { id: string } | null } }[] }>(
        who,
        NOTIFICATIONS,
        {},
      )
    ).edges
      .map((edge) => edge.node)
      .filter((node) => node.subjectId === subjectId);
  const questionIds = async (who: Session, args: Record<string, unknown>, first = 100) =>
    (await run<Page>(who, QUESTIONS, { first, ...args })).edges.map((edge) => edge.node.id);
  const answerIds = async (who: Session, questionId: string, order: 'VOTES' | 'NEWEST') => {
    const question = await run<{ answers: Page }>(who, ANSWERS, { id: questionId, order, first: 100 });
    return question.answers.edges.map((edge) => edge.node.id);
  };

  describe('askQuestion', () => {
    it('lets a member ask, trimmed, OPEN and unanswered', async () => {
      const question = await run(asker, ASK, {
        input: {
          groupId: publicGroup,
          title: '  Comment déclarer un bénévole ?  ',
          body: '  Pour le tournoi de juin.  ',
          tags: ['bénévolat', 'assurance'],
        },
      });
      expect(question).toMatchObject({
        title: 'Comment déclarer un bénévole ?',
        body: 'Pour le tournoi de juin.',
        tags: ['bénévolat', 'assurance'],
        status: 'OPEN',
        answerCount: 0,
        acceptedAnswer: null,
        group: { id: publicGroup },
        author: { id: asker.userId },
      });
    });

    it('is for members only: FORBIDDEN to a non-member, even of a PUBLIC group', async () => {
      for (const groupId of [publicGroup, privateGroup]) {
        const res = await call(outsider, ASK, { input: { groupId, title: 'Une question', body: 'Texte' } });
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
    });

    it.each([
      ['a title over 200 characters', { title: 'T'.repeat(201) }, 'title'],
      ['a body over 20,000 characters', { body: 'b'.repeat(20_001) }, 'body'],
      ['a blank title', { title: '   ' }, 'title'],
      ['a whitespace-only body', { body: '\n\t ' }, 'body'],
      ['11 tags', { tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) }, 'tags'],
      ['a 41-character tag', { tags: ['ok', 't'.repeat(41)] }, 'tags'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field) => {
      const input = { groupId: publicGroup, title: 'Titre correct', body: 'Corps correct', tags: ['ok'], ...change };
      const res = await call(asker, ASK, { input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.fields).toEqual([field]);
    });

    it('accepts the limits themselves: 200-character title, 20,000-character body, 10 tags of 40', async () => {
      const tags = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(40, 'x'));
      const question = await run<{ tags: string[] }>(asker, ASK, {
        input: { groupId: publicGroup, title: 'T'.repeat(200), body: 'b'.repeat(20_000), tags },
      });
      expect(question.tags).toEqual(tags);
    });
  });

  describe('answerQuestion', () => {
    it('counts answers and notifies the asker with NEW_ANSWER, not the answerer', async () => {
      const questionId = await ask(asker, privateGroup, 'Qui signe les chèques ?');
      const first = await run(answerer, ANSWER, { input: { questionId, body: '  La trésorière.  ' } });
      expect(first).toMatchObject({
        body: 'La trésorière.',
        score: 0,
        viewerVote: 0,
        isAccepted: false,
        author: { id: answerer.userId },
        question: { id: questionId, answerCount: 1 },
      });
      await answer(member, questionId, 'Ou le président, par délégation.');
      expect(await run(asker, QUESTION, { id: questionId })).toMatchObject({ answerCount: 2, status: 'OPEN' });

      const received = await notificationsAbout(asker, questionId);
      expect(received).toHaveLength(2);
      expect(received.every((n) => n.type === 'NEW_ANSWER')).toBe(true);
      expect(received.map((n) => n.actor?.id).sort()).toEqual([answerer.userId, member.userId].sort());
      expect(await notificationsAbout(answerer, questionId)).toEqual([]);
    });

    it('does not notify the asker of their own answer', async () => {
      const questionId = await ask(asker, publicGroup, 'Date limite du dossier ?');
      await answer(asker, questionId, 'Je me réponds : le 31 mars.');
      expect(await run(asker, QUESTION, { id: questionId })).toMatchObject({ answerCount: 1 });
      expect(await notificationsAbout(asker, questionId)).toEqual([]);
    });

    it('refuses a blank body, and answers NOT_FOUND to an outsider of a private group', async () => {
      const questionId = await ask(asker, privateGroup, 'Budget prévisionnel ?');
      const blank = await call(answerer, ANSWER, { input: { questionId, body: '  ' } });
      expect(errorCode(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0]?.extensions?.fields).toEqual(['body']);
      expect(errorCode(await call(outsider, ANSWER, { input: { questionId, body: 'Je sais !' } }))).toBe('NOT_FOUND');
      expect(await run(asker, QUESTION, { id: questionId })).toMatchObject({ answerCount: 0 });
    });
  });

  describe('acceptAnswer', () => {
    it('lets the asker accept: ANSWERED, acceptedAnswer set, ANSWER_ACCEPTED to the answerer', async () => {
      const questionId = await ask(asker, privateGroup, 'Quel logiciel de comptabilité ?');
      const answerId = await answer(answerer, questionId, 'Un tableur suffit au début.');
      const question = await run(asker, ACCEPT, { a: answerId });
      expect(question).toMatchObject({
        id: questionId,
        status: 'ANSWERED',
        acceptedAnswer: { id: answerId, isAccepted: true, author: { id: answerer.userId } },
      });
      expect(await run(member, QUESTION, { id: questionId })).toMatchObject({
        status: 'ANSWERED',
        acceptedAnswer: { id: answerId },
      });
      expect(await notificationsAbout(answerer, answerId)).toEqual([
        { type: 'ANSWER_ACCEPTED', subjectId: answerId, actor: { id: asker.userId } },
      ]);
    });

    it('gives each answer notification the question to open (questionId)', async () => {
      const QUESTION_IDS = `{ notifications(first: 100) { edges { node { type subjectId questionId } } } }`;
      const questionId = await ask(asker, privateGroup, 'Où ranger les justificatifs ?');
      const answerId = await answer(answerer, questionId, 'Dans le classeur du bureau.');
      await run(asker, ACCEPT, { a: answerId });
      const of = async (who: Session, subjectId: string) =>
        (
          await run<{ edges: { node: { type: string; subjectId: string; questionId: string | null } }[] }>(
            who,
            QUESTION_IDS,
            {},
          )
        ).edges
          .map((e) => e.node)
          .filter((n) => n.subjectId === subjectId);
      expect(await of(asker, questionId)).toEqual([{ type: 'NEW_ANSWER', subjectId: questionId, questionId }]);
      expect(await of(answerer, answerId)).toEqual([{ type: 'ANSWER_ACCEPTED', subjectId: answerId, questionId }]);
    });

    it("lets the group's OWNER and MODERATOR accept, not a plain member", async () => {
      const questionId = await ask(asker, privateGroup, 'Faut-il un commissaire aux comptes ?');
      const byAnswerer = await answer(answerer, questionId, 'Au-delà de 153 000 € de subventions.');
      const byMember = await answer(member, questionId, 'Non, jamais.');
      const refused = await call(member, ACCEPT, { a: byMember });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(await run(asker, QUESTION, { id: questionId })).toMatchObject({ status: 'OPEN', acceptedAnswer: null });

      expect(await run(moderator, ACCEPT, { a: byMember })).toMatchObject({ acceptedAnswer: { id: byMember } });
      expect(await run(owner, ACCEPT, { a: byAnswerer })).toMatchObject({
        status: 'ANSWERED',
        acceptedAnswer: { id: byAnswerer },
      });
    });

    it('answers NOT_FOUND to an outsider of a private group, FORBIDDEN to a non-manager of a public one', async () => {
      const privateQ = await ask(asker, privateGroup, 'Frais kilométriques ?');
      const privateA = await answer(answerer, privateQ, 'Barème fiscal.');
      expect(errorCode(await call(outsider, ACCEPT, { a: privateA }))).toBe('NOT_FOUND');
      const publicQ = await ask(asker, publicGroup, 'Horaires du gymnase ?');
      const publicA = await answer(answerer, publicQ, '18 h – 22 h.');
      expect(errorCode(await call(outsider, ACCEPT, { a: publicA }))).toBe('FORBIDDEN');
      expect(await run(asker, QUESTION, { id: privateQ })).toMatchObject({ status: 'OPEN' });
    });
  });

  describe('voteAnswer', () => {
    it('keeps one vote per person; 0 takes it back; score and viewerVote follow', async () => {
      const questionId = await ask(asker, publicGroup, 'Où ranger le matériel ?');
      const answerId = await answer(answerer, questionId, 'Au local du sous-sol.');
      expect(await run(member, VOTE, { a: answerId, v: 1 })).toEqual({ id: answerId, score: 1, viewerVote: 1 });
      expect(await run(member, VOTE, { a: answerId, v: 1 })).toMatchObject({ score: 1, viewerVote: 1 });
      expect(await run(outsider, VOTE, { a: answerId, v: 1 })).toMatchObject({ score: 2, viewerVote: 1 });
      expect(await run(member, VOTE, { a: answerId, v: -1 })).toMatchObject({ score: 0, viewerVote: -1 });
      expect(await run(member, VOTE, { a: answerId, v: 0 })).toMatchObject({ score: 1, viewerVote: 0 });
      expect(await run(asker, VOTE, { a: answerId, v: 0 })).toMatchObject({ score: 1, viewerVote: 0 });
      const answers = await run<{ answers: { edges: { node: { score: number } }[] } }>(asker, ANSWERS, {
        id: questionId,
        order: 'VOTES',
        first: 10,
      });
      expect(answers.answers.edges.map((edge) => edge.node.score)).toEqual([1]);
    });

    it('refuses any value but -1, 0 and 1, and hides private answers from outsiders', async () => {
      const questionId = await ask(asker, privateGroup, 'Cotisation 2027 ?');
      const answerId = await answer(answerer, questionId, '25 €.');
      for (const v of [2, -2]) {
        const res = await call(member, VOTE, { a: answerId, v });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.fields).toEqual(['value']);
      }
      expect(errorCode(await call(outsider, VOTE, { a: answerId, v: 1 }))).toBe('NOT_FOUND');
    });
  });

  it('orders answers by VOTES or NEWEST, the accepted answer always first, across pages', async () => {
    const questionId = await ask(asker, publicGroup, 'Quel tarif pour les jeunes ?');
    const a1 = await answer(answerer, questionId, 'Demi-tarif.');
    const a2 = await answer(member, questionId, 'Gratuit avant 12 ans.');
    const a3 = await answer(moderator, questionId, 'Comme les adultes.');
    for (const voter of [member, outsider]) await run(voter, VOTE, { a: a2, v: 1 });
    await run(outsider, VOTE, { a: a1, v: 1 });
    expect(await answerIds(owner, questionId, 'VOTES')).toEqual([a2, a1, a3]);
    expect(await answerIds(owner, questionId, 'NEWEST')).toEqual([a3, a2, a1]);

    await run(asker, ACCEPT, { a: a1 });
    expect(await answerIds(owner, questionId, 'VOTES')).toEqual([a1, a2, a3]);
    expect(await answerIds(owner, questionId, 'NEWEST')).toEqual([a1, a3, a2]);

    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const { answers }: { answers: Page } = await run<{ answers: Page }>(owner, ANSWERS, {
        id: questionId,
        order: 'VOTES',
        first: 1,
        after,
      });
      expect(answers.totalCount).toBe(3);
      paged.push(...answers.edges.map((edge) => edge.node.id));
      if (!answers.pageInfo.hasNextPage) break;
      after = answers.pageInfo.endCursor;
    }
    expect(paged).toEqual([a1, a2, a3]);
  });

  describe('questions(groupId, status, tag)', () => {
    let group: string;
    let q: string[];

    beforeAll(async () => {
      group = await createGroup(app, owner.accessToken, {
        organizationId: club,
        name: 'Dossiers',
        visibility: 'PUBLIC',
      });
      await addGroupMember(app, owner.accessToken, group, asker.userId);
      q = [];
      for (const [title, tags] of [
        ['Dossier FDVA', ['Subventions', 'FDVA']],
        ['Assurance du minibus', ['assurance']],
        ['Subvention municipale', ['subventions']],
        ['Question sans étiquette', []],
        ['Trousse de secours', ['Sécurité']],
      ] as [string, string[]][]) {
        q.push(await ask(asker, group, title, tags));
      }
      await run(asker, ACCEPT, { a: await answer(answerer, q[1], 'Contrat flotte.') });
    });

    it('lists a group newest first, page by page, with no duplicates', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: Page = await run<Page>(asker, QUESTIONS, { groupId: group, first: 2, after });
        expect(page.totalCount).toBe(5);
        expect(page.edges.length).toBeLessThanOrEqual(2);
        seen.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual([...q].reverse());
    });

    it('filters by status and by tag (case ignored), alone and together', async () => {
      expect(await questionIds(outsider, { groupId: group, status: 'ANSWERED' })).toEqual([q[1]]);
      expect(await questionIds(outsider, { groupId: group, status: 'OPEN' })).toEqual([q[4], q[3], q[2], q[0]]);
      expect(await questionIds(outsider, { groupId: group, tag: 'subventions' })).toEqual([q[2], q[0]]);
      expect(await questionIds(outsider, { groupId: group, tag: 'FDVA' })).toEqual([q[0]]);
      expect(await questionIds(outsider, { groupId: group, tag: 'Sécurité' })).toEqual([q[4]]);
      expect(await questionIds(outsider, { groupId: group, tag: 'assurance', status: 'OPEN' })).toEqual([]);
      expect(await questionIds(outsider, { groupId: group, tag: 'inconnue' })).toEqual([]);
    });

    it('without groupId, lists every group the viewer may read, and only those', async () => {
      const secret = await ask(asker, privateGroup, 'Question réservée à la commission');
      const outsiderSees = await questionIds(outsider, {});
      expect(outsiderSees).toEqual(expect.arrayContaining(q));
      expect(outsiderSees).not.toContain(secret);
      expect(await questionIds(member, {})).toEqual(expect.arrayContaining([...q, secret]));
      expect(errorCode(await call(outsider, QUESTIONS, { groupId: privateGroup, first: 10 }))).toBe('FORBIDDEN');
    });
  });

  describe('privacy of a private group', () => {
    it('answers NOT_FOUND for question(id) to an outsider, as if it did not exist', async () => {
      const questionId = await ask(asker, privateGroup, 'Salaire de la coordinatrice ?');
      const res = await call(outsider, QUESTION, { id: questionId });
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.data?.question ?? null).toBeNull();
      const missing = await call(outsider, QUESTION, { id: '00000000-0000-4000-8000-000000000000' });
      expect(errorCode(missing)).toBe('NOT_FOUND');
      expect(await run(member, QUESTION, { id: questionId })).toMatchObject({ id: questionId });
    });

    it('makes group { questions } FORBIDDEN to outsiders while the metadata stays visible', async () => {
      const questionId = await ask(asker, privateGroup, 'Ordre du jour du bureau ?');
      expect(errorCode(await call(outsider, GROUP_QUESTIONS, { id: privateGroup }))).toBe('FORBIDDEN');
      expect(await run(outsider, GROUP_NAME, { id: privateGroup })).toMatchObject({ name: 'Commission finances' });
      const seen = await run<{ questions: Page }>(member, GROUP_QUESTIONS, { id: privateGroup });
      expect(seen.questions.edges.map((edge) => edge.node.id)).toContain(questionId);
      const open = await run<{ questions: Page }>(outsider, GROUP_QUESTIONS, { id: publicGroup });
      expect(open.questions.edges.length).toBeGreaterThan(0);
    });
  });
});
