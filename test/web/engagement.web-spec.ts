import { EngagementFixture, seedEngagement } from '../support/engagement-fixtures';
import { loginAdmin, Session } from '../support/fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

/** /admin/organisations/$id/engagement: the engagement dashboard, with masked small cells. */
describe('web: engagement dashboard', () => {
  const web = webSpec();
  let admin: Session;
  let f: EngagementFixture;

  beforeAll(async () => {
    admin = await loginAdmin(web.app);
    f = await seedEngagement(web.app, admin.accessToken);
  });

  it('shows the federation admin the figures, the charts, the super members and the associations with masked cells', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, admin.email, admin.password, `/admin/organisations/${f.federation}`);
    await page.getByRole('link', { name: 'Engagement', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Engagement de / }).waitFor();
    await page.getByText(/^Calculé le /).waitFor();

    const figures = page.getByRole('region', { name: 'Chiffres clés' });
    const card = (label: string) =>
      figures.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
    expect(await card('Contributeurs').textContent()).toBe('6');
    expect(await card('Lecteurs actifs').textContent()).toBe('8');
    expect(await card('Répondues en moins de 48 h').textContent()).toMatch(/^40\s?%$/);
    expect(await card('Délai médian de première réponse').textContent()).toBe('2,5 jours');
    expect(await card('Délai pour 80 % des questions').textContent()).toBe('—');
    expect(await card('Portée des annonces').textContent()).toMatch(/^75\s?%$/);

    const superMembers = page.getByRole('region', { name: 'Super-membres' });
    await superMembers.getByRole('link', { name: 'Bruno A2' }).waitFor();
    await page
      .getByRole('region', { name: 'Associations en sommeil' })
      .getByRole('link', { name: 'Club Gamma' })
      .waitFor();
    await page.getByRole('img', { name: 'Contributeurs par association' }).waitFor();

    const table = page.getByRole('table');
    const beta = table.getByRole('row', { name: /Club Beta/ });
    expect(await beta.getByRole('cell').first().textContent()).toBe('—masqué, moins de 5 personnes');
    const alpha = table.getByRole('row', { name: /Club Alpha/ });
    expect(await alpha.getByRole('cell').first().textContent()).toBe('5');
    await page.getByText('moins de 5 personnes (chiffre masqué').waitFor();
    await expectAccessible(page, 'engagement dashboard');

    // Another period reloads the figures (and stays in the address).
    await page.getByLabel('Période').selectOption('365');
    await page.waitForURL(/jours=365/);
    await figures.getByText('9', { exact: true }).waitFor();

    // On a phone the wide table scrolls inside its region: the page itself never does sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  });

  it("shows an association's admin that the federation's dashboard is not theirs, and fits a phone", async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(
      page,
      f.alphaAdmin.email,
      f.alphaAdmin.password,
      `/admin/organisations/${f.federation}/engagement`,
    );
    await page.getByRole('heading', { level: 1, name: "Vous n'avez pas accès à cette page" }).waitFor();
    await page.goto(`/admin/organisations/${f.alpha}/engagement?jours=30`);
    await page.getByRole('heading', { level: 1, name: 'Engagement de Club Alpha' }).waitFor();
    expect(await page.getByLabel('Période').inputValue()).toBe('30');
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'association engagement on a phone');
  });
});
