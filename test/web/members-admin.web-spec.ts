import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { isoDay, recordDues, setCategories } from '../support/members-web-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const SHOTS = process.env.WQ_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Every GraphQL answer the page receives, as text (to prove what never reached the browser). */
function recordGraphqlResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/graphql'))
      void response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      );
  });
  return bodies;
}

/**
 * Association life in the browser (issue 14): the members table with filters and dues, the segment
 * builder's live count, the CSV import's dry-run report, and a plain member kept out of it all.
 */
describe('web: members, dues, segments, import', () => {
  const web = webSpec();
  let club: string;
  let helene: Session;
  let paul: Session;
  let zoe: Session;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    club = await createOrganization(web.app, admin.accessToken, {
      name: 'Club de voile de Brest',
      kind: 'ASSOCIATION',
      parentId: federation,
    });
    [helene, paul, zoe] = await Promise.all([
      newMember(web.app, admin.accessToken, club, 'ADMIN', 'Hélène Trésorière'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Paul Adhérent'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Zoé Bénévole'),
    ]);
    await setCategories(web.app, admin.accessToken, club, paul.userId, ['ADHERENT']);
    await setCategories(web.app, admin.accessToken, club, zoe.userId, ['BENEVOLE']);
    await recordDues(web.app, admin.accessToken, {
      organizationId: club,
      userId: paul.userId,
      periodStart: isoDay(-30),
      periodEnd: isoDay(300),
    });
  });

  it('filters the members with an exact count, edits categories, records dues in French, and exports the CSV', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(page, helene.email, helene.password, `/admin/organisations/${club}`);
    await page.getByRole('link', { name: 'Adhérents et cotisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adhérents de Club de voile de Brest' }).waitFor();
    const count = page.getByRole('status').filter({ hasText: /membres?$/ });
    await count.getByText('3 membres').waitFor();

    const categories = page.getByRole('group', { name: 'Catégories' });
    await categories.getByLabel('Bénévole').check();
    await count.getByText('1 membre', { exact: true }).waitFor();
    const table = page.getByRole('region', { name: 'Tableau des membres' });
    await table.getByText('Zoé Bénévole').waitFor();
    expect(await table.getByText('Paul Adhérent').count()).toBe(0);
    await categories.getByLabel('Bénévole').uncheck();
    await page.getByRole('group', { name: 'Statut de cotisation' }).getByLabel('À jour').check();
    await count.getByText('1 membre', { exact: true }).waitFor();
    await table.getByText(/^À jour · payée jusqu'au /).waitFor();
    await expectAccessible(page, 'members table (phone)');
    await shot(page, 'members');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await count.getByText('3 membres').waitFor();
    await table.getByText('Jamais payée').first().waitFor();

    // Zoé's categories: Bénévole and Adhérent.
    await page.getByRole('button', { name: 'Modifier les catégories de Zoé Bénévole' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adhérent').check();
    await dialog.getByRole('button', { name: 'Enregistrer les catégories' }).click();
    await page.getByText('Les catégories de Zoé Bénévole sont enregistrées.').waitFor();
    await table.getByText('Adhérent, Bénévole').waitFor();

    // Her dues: a wrong amount is explained in French and kept; then recorded.
    await page.getByRole('button', { name: 'Enregistrer une cotisation de Zoé Bénévole' }).click();
    await dialog.getByLabel('Montant (€)').fill('-5');
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/montant positif en euros/)
      .waitFor();
    expect(await dialog.getByLabel('Montant (€)').inputValue()).toBe('-5');
    await expectAccessible(page, 'dues dialog with an error');
    await shot(page, 'dues-dialog');
    await dialog.getByLabel('Montant (€)').fill('25,50');
    // A period ending before it starts: the server's refusal, in French, naming what to fix.
    const end = await dialog.getByLabel('Fin de la période').inputValue();
    await dialog.getByLabel('Fin de la période').fill(isoDay(-400));
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await dialog.getByRole('alert').getByText('La fin de la période doit venir après son début.').waitFor();
    await dialog.getByLabel('Fin de la période').fill(end);
    await dialog.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await page.getByText('Le paiement de Zoé Bénévole est enregistré.').waitFor();
    await page.getByRole('group', { name: 'Statut de cotisation' }).getByLabel('À jour').check();
    await count.getByText('2 membres').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^adherents-club-de-voile-de-brest-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Zoé');
    expect(csv).not.toContain(helene.email);
  });

  it('builds a segment with a live count, lists it beside the built-in ones, and deletes it after confirmation', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, helene.email, helene.password, `/admin/organisations/${club}/segments`);
    await page.getByRole('heading', { level: 1, name: 'Segments de Club de voile de Brest' }).waitFor();
    const live = page.getByRole('status').filter({ hasText: /membres?$/ });
    await live.getByText('3 membres').waitFor();
    await page.getByLabel('Nom du segment').fill('Bénévoles à relancer');
    await page.getByRole('group', { name: 'Catégories' }).getByLabel('Bénévole').check();
    await live.getByText('1 membre', { exact: true }).waitFor();
    await page.getByRole('group', { name: 'Statut de cotisation' }).getByLabel('Expirée').check();
    await live.getByText('0 membre', { exact: true }).waitFor();
    await page.getByRole('group', { name: 'Statut de cotisation' }).getByLabel('Expirée').uncheck();
    await live.getByText('1 membre', { exact: true }).waitFor();
    await expectAccessible(page, 'segment builder');
    await page.getByRole('button', { name: 'Enregistrer le segment' }).click();
    await page.getByText('Le segment « Bénévoles à relancer » est enregistré.').waitFor();

    const list = page.getByRole('list', { name: 'Segments' });
    const mine = list.getByRole('listitem').filter({ hasText: 'Bénévoles à relancer' });
    await mine.getByText('1 membre', { exact: false }).waitFor();
    await mine.getByText('Bénévole', { exact: true }).waitFor();
    const builtIn = list.getByRole('listitem').filter({ hasText: 'Segment prédéfini' });
    expect(await builtIn.count()).toBeGreaterThan(0);
    expect(await builtIn.getByRole('button').count()).toBe(0);
    await shot(page, 'segments');

    await mine.getByRole('button', { name: 'Supprimer le segment Bénévoles à relancer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer le segment' }).click();
    await page.getByText('Le segment « Bénévoles à relancer » est supprimé.').waitFor();
    await eventually(async () => expect(await list.getByText('Bénévoles à relancer').count()).toBe(0));

    // A built-in segment leads to the members table, filtered as it is.
    await list.getByRole('link', { name: 'Voir les membres du segment Bénévoles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adhérents de Club de voile de Brest' }).waitFor();
    expect(await page.getByRole('group', { name: 'Catégories' }).getByLabel('Bénévole').isChecked()).toBe(true);
    await page.getByRole('region', { name: 'Tableau des membres' }).getByText('Zoé Bénévole').waitFor();
  });

  it('checks a CSV with one bad line, shows its line number, then imports the rest', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    await loginThroughUi(page, helene.email, helene.password, `/admin/organisations/${club}/import`);
    await page.getByRole('heading', { level: 1, name: /^Import et export/ }).waitFor();
    const csv = [
      'email;prenom;nom;categories;cotisation_jusqu_au',
      `${paul.email};Paul;Adhérent;adhérent|élu;`,
      'pas-une-adresse;Jean;Erreur;bénévole;',
      'nouvelle.benevole@voile-brest.test;Inès;Nouvelle;bénévole;',
    ].join('\n');
    await page.getByLabel('Contenu du fichier CSV').fill(csv);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const report = page.getByRole('region', { name: 'Rapport de vérification' });
    await report.getByText('Nouvelles personnes (à inviter) : 1').waitFor();
    await report.getByText('Membres à mettre à jour : 1').waitFor();
    const errors = page.getByRole('table');
    await errors.getByRole('cell', { name: '3', exact: true }).waitFor();
    await expectAccessible(page, 'import dry-run report (phone, dark)');
    await shot(page, 'import-report');

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const done = page.getByRole('region', { name: 'Import terminé' });
    await done.getByText('Invitations envoyées : 1').waitFor();
    await done.getByText('Membres mis à jour : 1').waitFor();
    expect(await page.getByLabel('Contenu du fichier CSV').inputValue()).toBe(csv);
  });

  it('keeps a plain member out of the admin screens, and shows them their own dues in the settings', async () => {
    const { page } = await web.open();
    const responses = recordGraphqlResponses(page);
    await loginThroughUi(page, paul.email, paul.password, `/admin/organisations/${club}/adherents`);
    await page.getByRole('heading', { level: 1, name: "Vous n'avez pas accès à cette page" }).waitFor();
    await expectAccessible(page, 'members table refused');
    for (const path of ['segments', 'import']) {
      await page.goto(`/admin/organisations/${club}/${path}`);
      await page.getByRole('heading', { level: 1, name: "Vous n'avez pas accès à cette page" }).waitFor();
    }
    expect(await page.locator('body').innerText()).not.toMatch(/Zoé|Bénévole/);

    await page.goto('/parametres');
    const mine = page.getByRole('region', { name: 'Mes adhésions' });
    await mine.getByText('Club de voile de Brest').waitFor();
    await mine.getByText(/Adhérent/).waitFor();
    await mine.getByText(/^À jour · payée jusqu'au /).waitFor();
    await expectAccessible(page, 'settings with my memberships');
    await shot(page, 'settings');
    expect(responses.join('\n')).not.toMatch(/Zoé Bénévole|Hélène Trésorière/);
  });
});
