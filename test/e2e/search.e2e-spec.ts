import { randomInt } from 'node:crypto';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { addGroupMember, createGroup, createPost } from '../support/group-fixtures';
import { eventually } from '../support/eventually';
import { search, searchIds, searchRaw, SearchOptions } from '../support/search';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Search against a real Meilisearch: French typos and accents, snippets, scoping, and
 * above all that nothing of a group the viewer may not read ever shows, not even in estimatedTotal.
 * Every wait polls with the 5-second contract as its timeout; there are no fixed sleeps.
 */
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`;
const ACCEPT = `mutation($a: ID!) { acceptAnswer(answerId: $a) { id } }`;
const SIMILAR = `query($text: String!) { similarQuestions(text: $text) { id status } }`;
const UPDATE_GROUP = `mutation($id: ID!, $input: UpdateGroupInput!) { updateGroup(id: $id, input: $input) { id } }`;
const REMOVE_MEMBER = `mutation($g: ID!, $u: ID!) { removeGroupMember(groupId: $g, userId: $u) }`;
const UPDATE_POST = `mutation($id: ID!, $body: String!) { updatePost(id: $id, body: $body) { id } }`;
const DELETE_POST = `mutation($id: ID!) { deletePost(id: $id) }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;

/** Indexing is asynchronous: wait for it. Its speed is the bench's (write → searchable p95 ≤ 1 s), not asserted here. */
const SEARCHABLE = { timeoutMs: 60_000 };
/** A word no other document holds, letters only (so the tokenizer keeps it whole). */
const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('');
describe('search', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let owner: Session;
  let asker: Session;
  let answerer: Session;
  let third: Session;
  let outsider: Session;
  let place: string;
  let commission: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Lyon',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    owner = await person('Présidente Lyon');
    asker = await person('Demandeuse Lyon');
    answerer = await person('Répondant Lyon');
    third = await person('Chercheuse Lyon');
    outsider = await person('Voisin Lyon');
    place = await group(owner, 'Place du village', 'PUBLIC', [asker, answerer, third]);
    commission = await group(owner, 'Commission des aides', 'PRIVATE', [asker, answerer, third]);
    // A just-started Meilisearch takes seconds over its first writes.
    const word = uniqueWord('chauffe');
    const warm = await ask(owner, place, `Question ${word} ?`);
    const ids = [warm, await answer(owner, warm, `Réponse ${word}.`), await post(owner, place, `Billet ${word}.`)];
    await eventually(async () => expect(await idsFor(owner, word)).toEqual(expect.arrayContaining(ids)), SEARCHABLE);
  }, 90_000);
  afterAll(() => app.close());

  function person(name: string) {
    return newMember(app, admin.accessToken, club, 'MEMBER', name);
  }
  async function group(by: Session, name: string, visibility: 'PUBLIC' | 'PRIVATE', members: Session[] = []) {
    const id = await createGroup(app, by.accessToken, { organizationId: club, name, visibility });
    for (const someone of members) await addGroupMember(app, by.accessToken, id, someone.userId);
    return id;
  }
  const run = async <T = { id: string }>(who: Session, query: string, variables: Record<string, unknown>) => {
    const res = await app.gql(query, variables, who.accessToken);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data)[0] as T;
  };
  const ask = (who: Session, groupId: string, title: string, body = 'Merci d’avance.') =>
    run(who, ASK, { input: { groupId, title, body } }).then((q) => q.id);
  const answer = (who: Session, questionId: string, body: string) =>
    run(who, ANSWER, { input: { questionId, body } }).then((a) => a.id);
  const post = (who: Session, groupId: string, body: string) => createPost(app, who.accessToken, groupId, body);
  const idsFor = (who: Session, query: string, options: SearchOptions = {}) =>
    searchIds(app, who.accessToken, query, { first: 100, ...options });
  /** Waits until `who` finds every id in `ids` with `query`. */
  const findable = (who: Session, query: string, ids: string[], options: SearchOptions = {}) =>
    eventually(async () => expect(await idsFor(who, query, options)).toEqual(expect.arrayContaining(ids)), SEARCHABLE);
  /** `who` gets none of `hidden`, and estimatedTotal counts only what `who` was shown. */
  const expectHidden = async (who: Session, query: string, hidden: string[], options: SearchOptions = {}) => {
    const result = await search(app, who.accessToken, query, { first: 100, ...options });
    for (const id of hidden) expect(result.hits.map((hit) => hit.id)).not.toContain(id);
    expect(result.estimatedTotal).toBe(result.hits.length);
    return result;
  };

  describe('French content', () => {
    it('tolerates a typo: "subvensions" finds "subventions", with <mark> in the snippet', async () => {
      const id = await ask(asker, place, 'Quelles subventions pour un club de quartier ?');
      await findable(outsider, 'subvensions', [id], { types: ['QUESTION'] });
      const hit = (await search(app, outsider.accessToken, 'subvensions', { types: ['QUESTION'] })).hits.find(
        (h) => h.id === id,
      );
      expect(hit).toMatchObject({ type: 'QUESTION', title: 'Quelles subventions pour un club de quartier ?' });
      expect(hit).toMatchObject({ groupId: place, questionId: id });
      expect(hit?.snippet).toMatch(/<mark>subventions<\/mark>/i);
    });

    it('ignores missing accents: "developpement" finds "développement"', async () => {
      const id = await post(answerer, place, 'Plan de développement durable du club pour 2027.');
      await findable(outsider, 'developpement', [id], { types: ['POST'] });
      const [hit] = (await search(app, outsider.accessToken, 'developpement', { types: ['POST'] })).hits;
      expect(hit).toMatchObject({ type: 'POST', id, groupId: place });
      expect(hit.snippet).toContain('<mark>développement</mark>');
    });

    it('finds answers by their own words, pointing at their question', async () => {
      const questionId = await ask(asker, place, 'Où sont les clés du local ?');
      const answerId = await answer(answerer, questionId, 'Chez le gardien du stade, demandez à Lucien.');
      await findable(outsider, 'gardien stade', [answerId], { types: ['ANSWER'] });
      const { hits } = await search(app, outsider.accessToken, 'gardien stade');
      expect(hits.find((h) => h.id === answerId)).toMatchObject({
        type: 'ANSWER',
        questionId,
        groupId: place,
        title: 'Où sont les clés du local ?',
        snippet: expect.stringContaining('<mark>gardien</mark>'),
      });
      expect(hits.map((h) => h.id)).not.toContain(questionId);
    });
  });

  it('done when: a member asks, another answers, a third finds the answer with "subvension fdva"', async () => {
    const questionId = await ask(asker, commission, 'Comment demander une subvention FDVA ?');
    const answerId = await answer(answerer, questionId, 'Déposez le dossier sur Le Compte Asso avant fin février.');
    await findable(third, 'subvension fdva', [answerId, questionId]);
    const hit = (await search(app, third.accessToken, 'subvension fdva')).hits.find((h) => h.id === answerId);
    expect(hit).toMatchObject({ type: 'ANSWER', questionId, groupId: commission });

    // Public controls written after: once the outsider finds them, the indexer is past the private ones.
    const controlQ = await ask(owner, place, 'FDVA : calendrier de la campagne ?');
    const controlA = await answer(owner, controlQ, 'La campagne FDVA ouvre en janvier.');
    await findable(outsider, 'fdva', [controlQ, controlA]);
    const hidden = [questionId, answerId];
    for (const query of [
      'subvension fdva',
      'Comment demander une subvention FDVA ?',
      'FDVA',
      'Compte Asso',
      'dossier fevrier',
      'Déposez le dossier sur Le Compte Asso avant fin février.',
    ]) {
      const result = await expectHidden(outsider, query, hidden);
      expect(result.hits.filter((h) => h.groupId === commission)).toEqual([]);
    }
    const member = await search(app, third.accessToken, 'fdva', { first: 100 });
    const outside = await search(app, outsider.accessToken, 'fdva', { first: 100 });
    expect(member.estimatedTotal).toBe(outside.estimatedTotal + 2);
  });

  describe('never leaks private content', () => {
    it('hides a private question, answer and post from an outsider, in hits and in estimatedTotal', async () => {
      const word = uniqueWord('secret');
      const q = await ask(asker, commission, `Pétaudière ${word} au conseil ?`, `Le ${word} du bureau.`);
      const a = await answer(answerer, q, `Réponse ${word} mirobolante.`);
      const p = await post(third, commission, `Compte rendu ${word} carambolage.`);
      const cq = await ask(owner, place, `Contrôle ${word} public ?`);
      const ca = await answer(owner, cq, `Contrôle ${word} réponse.`);
      const cp = await post(owner, place, `Contrôle ${word} billet.`);
      await findable(outsider, word, [cq, ca, cp]);
      for (const query of [word, `Pétaudière ${word} au conseil ?`, `Réponse ${word} mirobolante.`, 'carambolage']) {
        await expectHidden(outsider, query, [q, a, p]);
      }
      expect(await search(app, outsider.accessToken, word, { first: 100 })).toMatchObject({ estimatedTotal: 3 });
      for (const type of ['QUESTION', 'ANSWER', 'POST'] as const) {
        expect((await search(app, outsider.accessToken, word, { types: [type] })).estimatedTotal).toBe(1);
      }
      await findable(third, word, [q, a, p, cq, ca, cp]);
      expect((await search(app, third.accessToken, word, { first: 100 })).estimatedTotal).toBe(6);
    });

    it('stops showing a private group’s content to a member as soon as they are removed', async () => {
      const leaver = await person('Partante Lyon');
      await addGroupMember(app, owner.accessToken, commission, leaver.userId);
      const word = uniqueWord('quinconce');
      const p = await post(asker, commission, `Ordre du jour ${word} confidentiel.`);
      const q = await ask(asker, commission, `Question ${word} confidentielle ?`);
      await findable(leaver, word, [p, q]);
      await run(owner, REMOVE_MEMBER, { g: commission, u: leaver.userId });
      const result = await expectHidden(leaver, word, [p, q]);
      expect(result.estimatedTotal).toBe(0);
      await findable(asker, word, [p, q]);
    });

    it('stops showing a group’s content to outsiders as soon as it turns PRIVATE', async () => {
      const atelier = await group(owner, 'Atelier vélo', 'PUBLIC', [asker, answerer]);
      const word = uniqueWord('freins');
      const p = await post(asker, atelier, `Révision ${word} hydrauliques samedi.`);
      const q = await ask(asker, atelier, `Quelle huile ${word} ?`);
      const a = await answer(answerer, q, `Huile minérale ${word}.`);
      await findable(outsider, word, [p, q, a]);
      await run(owner, UPDATE_GROUP, { id: atelier, input: { visibility: 'PRIVATE' } });
      expect((await expectHidden(outsider, word, [p, q, a])).estimatedTotal).toBe(0);
      expect(await idsFor(answerer, word)).toEqual(expect.arrayContaining([p, q, a]));
    });

    it('drops deleted content, and the old words of an edit', async () => {
      const gone = uniqueWord('brocante');
      const before = uniqueWord('avant');
      const after = uniqueWord('apres');
      const deleted = await post(asker, place, `Vide-grenier ${gone} du printemps.`);
      const edited = await post(asker, place, `Annonce ${before} à corriger.`);
      await findable(outsider, gone, [deleted]);
      await findable(outsider, before, [edited]);
      expect(await run<boolean>(asker, DELETE_POST, { id: deleted })).toBe(true);
      await run(asker, UPDATE_POST, { id: edited, body: `Annonce ${after} corrigée.` });
      for (const who of [outsider, asker]) {
        await eventually(
          async () => expect((await expectHidden(who, gone, [deleted])).estimatedTotal).toBe(0),
          SEARCHABLE,
        );
        await eventually(
          async () => expect((await expectHidden(who, before, [edited])).estimatedTotal).toBe(0),
          SEARCHABLE,
        );
        await findable(who, after, [edited]);
      }
    });
  });

  it('suggests similarQuestions the viewer may read, answered ones first', async () => {
    const open = await ask(asker, place, 'Assurance du minibus pour les matchs');
    const secret = await ask(asker, commission, 'Assurance minibus de la commission');
    const answered = await ask(third, place, 'Assurance minibus et déplacements des matchs');
    await run(third, ACCEPT, { a: await answer(answerer, answered, 'Contrat flotte auto chez la MAIF.') });
    const similar = (who: Session) =>
      run<{ id: string; status: string }[]>(who, SIMILAR, { text: 'assurance minibus matchs' });
    await eventually(async () => {
      const found = await similar(outsider);
      expect(found.slice(0, 2)).toEqual([
        { id: answered, status: 'ANSWERED' },
        { id: open, status: 'OPEN' },
      ]);
    }, SEARCHABLE);
    expect((await similar(outsider)).map((q) => q.id)).not.toContain(secret);
    await eventually(async () => expect((await similar(third)).map((q) => q.id)).toContain(secret), SEARCHABLE);
  });

  it('scopes by types and by groupId; a private groupId is FORBIDDEN to outsiders', async () => {
    const other = await group(owner, 'Comité des fêtes', 'PUBLIC', [asker]);
    const word = uniqueWord('tombola');
    const here = await post(asker, place, `Grande ${word} de Noël.`);
    const q = await ask(asker, place, `Lots de la ${word} ?`);
    const there = await post(asker, other, `Billets de ${word} en vente.`);
    const hidden = await post(asker, commission, `Budget ${word} secret.`);
    await findable(outsider, word, [here, q, there]);
    const posts = await search(app, outsider.accessToken, word, { types: ['POST'] });
    expect(posts.hits.map((h) => h.type)).toEqual(['POST', 'POST']);
    expect(posts.hits.map((h) => h.id).sort()).toEqual([here, there].sort());
    const scoped = await search(app, outsider.accessToken, word, { groupId: place });
    expect(scoped.hits.map((h) => h.id).sort()).toEqual([here, q].sort());
    expect(scoped.hits.every((h) => h.groupId === place)).toBe(true);
    expect(scoped.estimatedTotal).toBe(2);
    const forbidden = await searchRaw(app, outsider.accessToken, word, { groupId: commission });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    await findable(asker, word, [hidden], { groupId: commission });
  });

  it('finds people by name and by job title, accents ignored', async () => {
    const gwen = await person('Gwenaëlle Kerjean');
    await run(gwen, UPDATE_PROFILE, { input: { jobTitle: 'Trésorière adjointe' } });
    await findable(outsider, 'Kerjean', [gwen.userId], { types: ['PERSON'] });
    await findable(outsider, 'tresoriere adjointe', [gwen.userId], { types: ['PERSON'] });
    await findable(outsider, 'gwenaelle', [gwen.userId]);
    const [hit] = (await search(app, outsider.accessToken, 'Kerjean', { types: ['PERSON'] })).hits;
    expect(hit).toMatchObject({ type: 'PERSON', id: gwen.userId, title: 'Gwenaëlle Kerjean', groupId: null });
  });

  it('finds groups by name and description, private ones too (their metadata is public)', async () => {
    const open = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Commission handisport',
      description: 'Sport adapté et inclusion des pratiquants.',
      visibility: 'PUBLIC',
    });
    const closed = await createGroup(app, owner.accessToken, {
      organizationId: club,
      name: 'Cellule juridique',
      description: 'Contentieux et statuts.',
      visibility: 'PRIVATE',
    });
    await findable(outsider, 'handisport', [open], { types: ['GROUP'] });
    await findable(outsider, 'inclusion pratiquants', [open], { types: ['GROUP'] });
    await findable(outsider, 'juridique', [closed], { types: ['GROUP'] });
    const [hit] = (await search(app, outsider.accessToken, 'handisport', { types: ['GROUP'] })).hits;
    expect(hit).toMatchObject({ type: 'GROUP', id: open, title: 'Commission handisport', groupId: open });
  });

  it('escapes user HTML in snippets: only <mark> is markup', async () => {
    const word = uniqueWord('kermesse');
    const id = await post(asker, place, `${word} <script>alert("${word}")</script> & <b>gras</b> <mark>faux</mark>`);
    await findable(outsider, word, [id], { types: ['POST'] });
    const [hit] = (await search(app, outsider.accessToken, word, { types: ['POST'] })).hits;
    expect(hit.snippet).toContain(`<mark>${word}</mark>`);
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).not.toMatch(/<script|<b>/);
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('refuses first: 101 and a blank query with BAD_USER_INPUT naming the field', async () => {
    const tooMany = await searchRaw(app, outsider.accessToken, 'club', { first: 101 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual(['first']);
    const blank = await searchRaw(app, outsider.accessToken, '   ');
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.fields).toEqual(['query']);
  });

  it('makes every one of 20 writes in a row searchable, none lost', async () => {
    const written: { word: string; id: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const word = uniqueWord('jalon');
      written.push({ word, id: await post(asker, place, `Repère ${word} numéro ${i}.`) });
    }
    for (const { word, id } of written) {
      await eventually(async () => expect(await idsFor(outsider, word, { types: ['POST'] })).toContain(id), SEARCHABLE);
    }
  });
});
