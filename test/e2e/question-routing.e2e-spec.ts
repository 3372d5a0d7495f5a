import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { addGroupMember, createGroup, joinGroup } from '../support/group-fixtures';
import { acceptAnswer, answerQuestion, askQuestion } from '../support/questions-fixtures';
import {
  inboxOf,
  jobState,
  notified,
  queueJob,
  routed,
  routedCount,
  routingOf,
  setSkills,
} from '../support/routing-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3600_000;

/**
 * Questions routed to competent people (API.md §12): who is asked and in which order, who never
 * is (outsiders of a private group, the author, people who paused, people at their weekly cap),
 * idempotent jobs, the second wave and the escalation with an injected clock, answers stopping
 * what is pending, "pas mon domaine" and people who leave.
 */
describe('question routing', () => {
  let app: TestApp;
  let admin: Session;
  let bretagne: string;
  let occitanie: string;
  let owner: Session;
  let asker: Session;
  let publicGroup: string;

  const person = (organizationId: string, name: string) =>
    newMember(app, admin.accessToken, organizationId, 'MEMBER', name);
  const ask = (who: Session, groupId: string, title: string, tags: string[], body = 'Merci de vos retours.') =>
    askQuestion(app, who, { groupId, title, body, tags });
  const waitRouted = (questionId: string) =>
    eventually(async () => expect(await routed(app, questionId)).toBe(true), { timeoutMs: 20_000 });
  const runWaves = async (hoursLater: number) => {
    const id = await queueJob(app, 'question-routing.waves', {
      now: new Date(Date.now() + hoursLater * HOUR).toISOString(),
    });
    await eventually(async () => expect(await jobState(app, id)).toBe('done'), { timeoutMs: 20_000 });
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    const regionB = await createOrganization(app, admin.accessToken, {
      name: 'Bretagne',
      kind: 'REGION',
      parentId: fed,
    });
    const regionO = await createOrganization(app, admin.accessToken, {
      name: 'Occitanie',
      kind: 'REGION',
      parentId: fed,
    });
    bretagne = await createOrganization(app, admin.accessToken, {
      name: 'Club de Rennes',
      kind: 'ASSOCIATION',
      parentId: regionB,
    });
    occitanie = await createOrganization(app, admin.accessToken, {
      name: 'Club de Nîmes',
      kind: 'ASSOCIATION',
      parentId: regionO,
    });
    [owner, asker] = await Promise.all([person(bretagne, 'Présidente Rennes'), person(bretagne, 'Trésorière Rennes')]);
    publicGroup = await createGroup(app, owner.accessToken, {
      organizationId: bretagne,
      name: 'Entraide des trésoriers',
      visibility: 'PUBLIC',
    });
    await joinGroup(app, asker.accessToken, publicGroup);
  }, 120_000);
  afterAll(() => app?.close());

  // Filled by the ranking test, used by the later ones.
  let accepted: Session;
  let near: Session;
  let far: [Session, Session];
  let first: string;

  it('asks accepted answerers on a tag first, then matching skills, then the same region; ties by id', async () => {
    let farA: Session, farB: Session;
    [accepted, near, farA, farB] = await Promise.all([
      person(occitanie, 'Experte Subventions'),
      person(bretagne, 'Comptable Rennes'),
      person(occitanie, 'Comptable Nîmes'),
      person(occitanie, 'Gestionnaire Nîmes'),
    ]);
    far = [farA, farB];
    await Promise.all([near, ...far].map((someone) => setSkills(app, someone, ['Subventions'])));
    // An earlier question on the tag, answered by `accepted` and accepted by the asker.
    const earlier = await ask(asker, publicGroup, 'Où trouver les dossiers de demande ?', ['subventions']);
    await waitRouted(earlier);
    await acceptAnswer(app, asker, await answerQuestion(app, accepted, earlier, 'Sur le site de la région.'));

    first = await ask(asker, publicGroup, 'Comment justifier une subvention régionale ?', ['Subventions', 'bilan']);
    await waitRouted(first);
    const [tieWinner] = [...far].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    expect(await routingOf(app, owner, first)).toEqual([
      { userId: accepted.userId, wave: 1, reasons: ['ACCEPTED_ANSWERS:Subventions'] },
      { userId: near.userId, wave: 1, reasons: ['SKILL:Subventions', 'REGION:Bretagne'] },
      { userId: tieWinner.userId, wave: 1, reasons: ['SKILL:Subventions'] },
    ]);
    expect(await routedCount(app, asker, first)).toBe(3);
    expect(await notified(app, 'QUESTION_FOR_YOU', first)).toEqual({
      [accepted.userId]: 1,
      [near.userId]: 1,
      [tieWinner.userId]: 1,
    });
    expect(await inboxOf(app, near)).toContain(first);
    // Others see neither the list nor a count.
    expect(await routingOf(app, near, first)).toEqual([]);
    expect(await routedCount(app, near, first)).toBe(0);
  });

  it('a job run twice asks and notifies nobody twice', async () => {
    const again = await queueJob(app, 'question-routing.route', { questionId: first });
    await eventually(async () => expect(await jobState(app, again)).toBe('done'), { timeoutMs: 20_000 });
    expect(Object.values(await notified(app, 'QUESTION_FOR_YOU', first))).toEqual([1, 1, 1]);
    expect(await routingOf(app, owner, first)).toHaveLength(3);
  });

  it("never asks a non-member about a private group's question, even with the exact skill, nor its author", async () => {
    const board = await createGroup(app, owner.accessToken, {
      organizationId: bretagne,
      name: 'Bureau',
      visibility: 'PRIVATE',
    });
    const [insider, outsider] = await Promise.all([
      person(bretagne, 'Secrétaire Rennes'),
      person(bretagne, 'Voisine Rennes'),
    ]);
    await addGroupMember(app, owner.accessToken, board, insider.userId);
    await Promise.all([owner, insider, outsider].map((someone) => setSkills(app, someone, ['cotisations'])));
    const secret = await ask(owner, board, 'Faut-il augmenter les cotisations ?', ['cotisations']);
    await waitRouted(secret);
    expect((await routingOf(app, owner, secret)).map((r) => r.userId)).toEqual([insider.userId]);
    expect(await inboxOf(app, outsider)).not.toContain(secret);
    expect(await notified(app, 'QUESTION_FOR_YOU', secret)).toEqual({ [insider.userId]: 1 });
    const refused = await app.gql(
      'mutation($q: ID!) { declineRoutedQuestion(questionId: $q) }',
      { q: secret },
      outsider.accessToken,
    );
    expect(errorCode(refused)).toBe('NOT_FOUND');

    // Leaving the group drops the person from what is pending.
    await app.gql('mutation($g: ID!) { leaveGroup(groupId: $g) }', { g: board }, insider.accessToken);
    expect(await inboxOf(app, insider)).not.toContain(secret);
    expect(await routingOf(app, owner, secret)).toEqual([]);
  });

  it('skips people who paused routed questions', async () => {
    const [paused, active] = await Promise.all([person(bretagne, 'En pause'), person(bretagne, 'Disponible')]);
    await Promise.all([paused, active].map((someone) => setSkills(app, someone, ['licences'])));
    const res = await app.gql<{ updateNotificationSettings: { acceptsQuestions: boolean } }>(
      'mutation { updateNotificationSettings(input: { acceptsQuestions: false }) { acceptsQuestions } }',
      {},
      paused.accessToken,
    );
    expect(res.data?.updateNotificationSettings.acceptsQuestions).toBe(false);
    const question = await ask(asker, publicGroup, 'Quand renouveler les licences ?', ['licences']);
    await waitRouted(question);
    expect((await routingOf(app, owner, question)).map((r) => r.userId)).toEqual([active.userId]);
  });

  it('asks nobody more than 5 questions over 7 days', async () => {
    const busy = await person(occitanie, 'Assureur');
    await setSkills(app, busy, ['assurance']);
    // Routed one after the other, in the order they were asked (one instance, jobs in queue order).
    const asked: string[] = [];
    for (let i = 1; i <= 6; i++) asked.push(await ask(asker, publicGroup, `Assurance question ${i} ?`, ['assurance']));
    for (const question of asked) await waitRouted(question);
    expect(await inboxOf(app, busy)).toEqual(asked.slice(0, 5).reverse());
    expect(await routingOf(app, owner, asked[5])).toEqual([]);
  });

  it('a second wave after the delay, one escalation after twice the delay; an answer stops both', async () => {
    const [more, ...others] = await Promise.all(
      ['Cuisinier', 'Buvette 1', 'Buvette 2', 'Buvette 3'].map((name) => person(bretagne, name)),
    );
    await Promise.all([more, ...others].map((someone) => setSkills(app, someone, ['buvette'])));
    const answered = await ask(asker, publicGroup, 'Faut-il une licence pour la buvette ?', ['buvette']);
    await waitRouted(answered);
    await answerQuestion(app, more, answered, 'Oui, une licence temporaire, en mairie.');

    await runWaves(47);
    expect(await routingOf(app, owner, first)).toHaveLength(3);
    await runWaves(49);
    const [, tieLoser] = [...far].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    const firstRouting = await routingOf(app, owner, first);
    expect(firstRouting.filter((r) => r.wave === 2).map((r) => r.userId)).toEqual([tieLoser.userId]);
    expect(await notified(app, 'QUESTION_FOR_YOU', first)).toHaveProperty(tieLoser.userId, 1);
    expect((await routingOf(app, owner, answered)).every((r) => r.wave === 1)).toBe(true);
    expect(await notified(app, 'QUESTION_ESCALATED', first)).toEqual({});

    await runWaves(97);
    await runWaves(98);
    // The group's owner and the federation's admin, once each; nothing about the answered question.
    expect(await notified(app, 'QUESTION_ESCALATED', first)).toEqual({ [owner.userId]: 1, [admin.userId]: 1 });
    expect(await notified(app, 'QUESTION_ESCALATED', answered)).toEqual({});
  });

  it('"pas mon domaine" takes the question out of the inbox; the export lists routings', async () => {
    expect(await inboxOf(app, near)).toContain(first);
    const res = await app.gql<{ declineRoutedQuestion: boolean }>(
      'mutation($q: ID!) { declineRoutedQuestion(questionId: $q) }',
      { q: first },
      near.accessToken,
    );
    expect(res.data?.declineRoutedQuestion).toBe(true);
    expect(await inboxOf(app, near)).not.toContain(first);
    const notRouted = await app.gql(
      'mutation($q: ID!) { declineRoutedQuestion(questionId: $q) }',
      { q: first },
      owner.accessToken,
    );
    expect(errorCode(notRouted)).toBe('NOT_FOUND');

    const exported = await app.gql<{
      exportMyData: { routedQuestions: { question_id: string; declined_at: string | null }[] };
    }>('{ exportMyData }', {}, near.accessToken);
    const mine = exported.data?.exportMyData.routedQuestions.find((r) => r.question_id === first);
    expect(mine?.declined_at).toBeTruthy();
  });
});
