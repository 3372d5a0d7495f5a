import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { createGroup, joinGroup } from '../support/group-fixtures';
import { askQuestion } from '../support/questions-fixtures';
import { inboxOf, setSkills } from '../support/routing-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const TITLE = 'Comment remplir le dossier de subvention du département ?';

/**
 * Routed questions in the browser: the expert finds the question in "Questions pour vous" with why
 * it came to them, says "Pas mon domaine" and it goes; the asker reads how many people were asked.
 */
describe('web: questions pour vous', () => {
  const web = webSpec();
  let asker: Session;
  let expert: Session;
  let questionId: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    const experts = await Promise.all(
      ['Nadia Comptable', 'Paul Gestionnaire', 'Lina Trésorière'].map((name) =>
        newMember(web.app, admin.accessToken, federation, 'MEMBER', name),
      ),
    );
    expert = experts[0];
    asker = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Claire Demandeuse');
    for (const someone of experts) await setSkills(web.app, someone, ['subventions']);
    const groupId = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Trésorerie des clubs',
      visibility: 'PUBLIC',
    });
    await joinGroup(web.app, asker.accessToken, groupId);
    questionId = await askQuestion(web.app, asker, {
      groupId,
      title: TITLE,
      body: 'Le département demande un budget prévisionnel : lequel ?',
      tags: ['subventions'],
    });
    await eventually(async () => expect(await inboxOf(web.app, expert)).toEqual([questionId]), { timeoutMs: 20_000 });
  });

  it('shows the routed question with why, "Pas mon domaine" takes it away, and the settings pause routing', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(page, expert.email, expert.password, '/');
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByRole('link', { name: 'Questions pour vous' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questions pour vous' }).waitFor();
    const list = page.getByRole('list', { name: 'Questions qui vous sont adressées' });
    await list.getByRole('link', { name: TITLE }).first().waitFor();
    await list.getByText('Votre compétence « subventions »').waitFor();
    await expectAccessible(page, 'questions pour vous');
    await page.getByRole('button', { name: 'Pas mon domaine' }).click();
    await page.getByText("Aucune question ne vous attend pour l'instant.").waitFor();
    expect(await inboxOf(web.app, expert)).toEqual([]);

    // Settings: pause routed questions.
    await page.goto('/parametres');
    const accept = page.getByLabel('Recevoir des questions à traiter');
    expect(await accept.isChecked()).toBe(true);
    await accept.click();
    await page.getByText('Pause enregistrée', { exact: false }).waitFor();
    const settings = await web.app.gql<{ notificationSettings: { acceptsQuestions: boolean } }>(
      '{ notificationSettings { acceptsQuestions } }',
      {},
      expert.accessToken,
    );
    expect(settings.data?.notificationSettings.acceptsQuestions).toBe(false);
  });

  it('tells the asker how many competent people were asked', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, asker.email, asker.password, `/questions/${questionId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('3 personnes compétentes ont été sollicitées').waitFor();
    await expectAccessible(page, 'a routed question, for its asker');
  });
});
