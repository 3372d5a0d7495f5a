import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addGroupMember, createGroup, createPost } from '../support/group-fixtures';
import { acceptAnswer, answerQuestion, askQuestion, searchIds } from '../support/questions-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const EARLIER_TITLE = 'Comment déclarer la subvention de la mairie ?';
const EARLIER_ANSWER = 'Remplissez le formulaire Cerfa 12156 avant le 31 mars, avec le budget prévisionnel <signé>.';

const SHOTS = process.env.WQ_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Waits until `page` (reloaded each time) shows `what`: search indexing is asynchronous. */
async function afterIndexing(page: Page, what: () => Promise<unknown>): Promise<void> {
  await eventually(
    async () => {
      await page.reload();
      await what();
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
}

/**
 * Questions and search in the browser: asking (with last year's answer shown while typing), answering,
 * voting, accepting, ordering; search finding the earlier answer; an outsider of the private group
 * finding nothing from it.
 */
describe('web: questions and search', () => {
  const web = webSpec();
  let treasurer: Session;
  let helper: Session;
  let veteran: Session;
  let outsider: Session;
  let groupId: string;
  let earlierId: string;
  let postId: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    [treasurer, helper, veteran, outsider] = await Promise.all([
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Claire Trésorière'),
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Marc Dupuis'),
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Anne Ancienne'),
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Olivier Extérieur'),
    ]);
    groupId = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Trésorerie des clubs',
      visibility: 'PRIVATE',
    });
    for (const person of [treasurer, helper, veteran])
      await addGroupMember(web.app, admin.accessToken, groupId, person.userId);
    // Last year's question, answered and accepted.
    earlierId = await askQuestion(web.app, veteran, {
      groupId,
      title: EARLIER_TITLE,
      body: 'Notre club a reçu 800 € de la mairie : que faut-il déclarer ?',
      tags: ['subventions'],
    });
    const answerId = await answerQuestion(web.app, helper, earlierId, EARLIER_ANSWER);
    await acceptAnswer(web.app, veteran, answerId);
    postId = await createPost(web.app, veteran.accessToken, groupId, 'Rappel : le Cerfa 12156 se rend avant fin mars.');
    await eventually(
      async () =>
        expect(await searchIds(web.app, veteran, 'Cerfa 12156')).toEqual(expect.arrayContaining([answerId, postId])),
      {
        timeoutMs: 30_000,
        intervalMs: 200,
      },
    );
  });

  it('asks with similar questions shown, answers, votes, accepts, orders, and finds the earlier answer in search', async () => {
    const asker = await web.open({ viewport: { width: 360, height: 740 } });
    const page = asker.page;
    await loginThroughUi(page, treasurer.email, treasurer.password, `/groupes/${groupId}/questions`);
    await page.getByRole('heading', { name: 'Questions du groupe' }).waitFor();
    await page.getByRole('link', { name: EARLIER_TITLE }).waitFor();
    await shot(page, 'tab');

    // Filters: the earlier question is answered, so "Ouvertes" hides it.
    await page.getByRole('button', { name: 'Ouvertes' }).click();
    await page.getByText('Aucune question ne correspond à ce filtre.').waitFor();
    await page.getByRole('button', { name: 'Toutes' }).click();
    await page.getByRole('button', { name: 'Filtrer par le mot-clé « subventions »' }).click();
    await page.getByRole('link', { name: EARLIER_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Retirer le filtre « subventions »' }).click();

    // Asking: while the title is typed, the earlier answered question is offered.
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await page.getByLabel('Titre').fill('Déclarer une subvention municipale');
    const similar = page.getByRole('list', { name: 'Questions similaires' });
    await similar.getByRole('link', { name: EARLIER_TITLE }).waitFor();
    await expect(similar.getByText('Résolue').count()).resolves.toBe(1);
    await expectAccessible(page, 'the group questions tab, asking, with similar questions');
    await shot(page, 'ask');

    // No details: a French message, and what was typed stays.
    await page.getByLabel('Mots-clés').fill('subventions, mairie');
    await page.getByRole('button', { name: 'Publier la question' }).click();
    await page.getByRole('alert').getByText('Décrivez votre question').waitFor();
    await shot(page, 'ask-error');
    expect(await page.getByLabel('Titre').inputValue()).toBe('Déclarer une subvention municipale');
    await page.getByLabel('Détails').fill('La mairie nous verse 1 200 € cette année : quelles pièces fournir ?');
    await page.getByRole('button', { name: 'Publier la question' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déclarer une subvention municipale' }).waitFor();
    const questionUrl = page.url();
    expect(questionUrl).toMatch(/\/questions\/[0-9a-f-]{36}$/);
    await page.getByText('Ouverte', { exact: true }).waitFor();
    await page.getByText("Personne n'a encore répondu", { exact: false }).waitFor();

    // Another member answers in their own browser; a third answer comes later.
    const other = await web.open({ colorScheme: 'dark' });
    await loginThroughUi(other.page, helper.email, helper.password, questionUrl.replace(/^https?:\/\/[^/]+/, ''));
    await other.page.getByLabel('Votre réponse').fill('Le Cerfa 12156 et le dernier bilan approuvé en AG.');
    await other.page.getByRole('button', { name: 'Répondre' }).click();
    await other.page.getByText('Le Cerfa 12156 et le dernier bilan approuvé en AG.').waitFor();
    expect(await other.page.getByLabel('Votre réponse').inputValue()).toBe('');
    const questionId = questionUrl.split('/').pop()!;
    await answerQuestion(web.app, veteran, questionId, 'Demandez aussi une attestation à la mairie.');

    // The asker sees both answers arrive without reloading, votes for one, orders them, accepts one.
    const byHelper = page.getByRole('listitem').filter({ hasText: 'Le Cerfa 12156 et le dernier bilan' });
    const byVeteran = page.getByRole('listitem').filter({ hasText: 'Demandez aussi une attestation' });
    const upvote = byHelper.getByRole('button', { name: 'Voter pour' });
    await upvote.click();
    await byHelper.getByRole('button', { name: 'Voter pour', pressed: true }).waitFor();
    await byHelper.getByText('1 point').waitFor();
    const answers = page.getByRole('list', { name: 'Réponses' }).getByRole('listitem');
    await eventually(async () => expect(await answers.first().textContent()).toContain('Le Cerfa 12156'));
    await page.getByLabel('Trier les réponses').selectOption({ label: 'Les plus récentes' });
    await eventually(async () => expect(await answers.first().textContent()).toContain('Demandez aussi'));
    await expectAccessible(page, 'the question page with answers');
    await shot(page, 'question');

    await byHelper.getByRole('button', { name: 'Accepter cette réponse' }).click();
    await page.getByText('Résolue', { exact: true }).first().waitFor();
    await byHelper.getByText('Réponse acceptée').waitFor();
    await shot(page, 'accepted');
    // Accepted first, whatever the order.
    await eventually(async () => expect(await answers.first().textContent()).toContain('Le Cerfa 12156'));
    expect(await byVeteran.getByRole('button', { name: 'Accepter cette réponse' }).count()).toBe(1);
    // The answerer's page follows the acceptance live; no "accept" button there (not the asker).
    await other.page.getByText('Réponse acceptée').waitFor();
    await shot(other.page, 'question-desktop');
    await expectAccessible(other.page, 'the question page, resolved (dark)');
    expect(await other.page.getByRole('button', { name: 'Accepter cette réponse' }).count()).toBe(0);

    // Search from the shell finds last year's answer, highlighted, and its link opens the question.
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Cerfa 12156');
    await page.getByRole('searchbox', { name: 'Rechercher' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Recherche : « Cerfa 12156 »' }).waitFor();
    const found = page.getByRole('link', { name: `Réponse à « ${EARLIER_TITLE} »` });
    await afterIndexing(page, () => found.waitFor({ timeout: 2_000 }));
    const hit = page.getByRole('listitem').filter({ has: found });
    // UI.md asks for the <mark> element itself (Playwright's role types have no "mark"), hence a tag name here.
    expect(await hit.locator('mark').first().textContent()).toMatch(/cerfa|12156/i);
    // The escaped text comes back as characters, not markup.
    await hit.getByText('<signé>', { exact: false }).waitFor();
    // Grouped by kind; the post links to its page.
    const posts = page.getByRole('region', { name: /^Publications/ });
    expect(await posts.getByRole('link').getAttribute('href')).toBe(`/publications/${postId}`);
    await expectAccessible(page, 'the search page');
    await shot(page, 'search');
    await page.getByRole('button', { name: 'Voir plus' }).waitFor({ state: 'detached' });
    await found.click();
    await page.getByRole('heading', { level: 1, name: EARLIER_TITLE }).waitFor();
    expect(page.url()).toContain(`/questions/${earlierId}`);
  });

  it('shows an outsider nothing of the private group: no search hit, "introuvable" question, private tab', async () => {
    const { page } = await web.open({ colorScheme: 'dark' });
    await loginThroughUi(page, outsider.email, outsider.password, '/recherche?q=Cerfa%2012156');
    await page.getByText('Aucun résultat pour « Cerfa 12156 ».').waitFor();
    await page.getByRole('link', { name: 'parcourez les groupes' }).waitFor();
    await expectAccessible(page, 'the empty search page (dark)');
    await shot(page, 'search-empty-dark');

    await page.goto(`/questions/${earlierId}`);
    await page.getByRole('heading', { level: 1, name: 'Question introuvable' }).waitFor();
    expect(await page.getByText(EARLIER_TITLE).count()).toBe(0);
    await expectAccessible(page, 'the question-not-found page (dark)');
    await shot(page, 'notfound-dark');

    await page.goto(`/groupes/${groupId}/questions`);
    // The group's page (or, inside it, this tab) says the content is for members.
    await page.getByText('Ce groupe est privé', { exact: false }).first().waitFor();
    await shot(page, 'private-dark');
    expect(await page.getByRole('button', { name: 'Poser une question' }).count()).toBe(0);
    expect(await page.getByText(EARLIER_TITLE).count()).toBe(0);
  });
});
