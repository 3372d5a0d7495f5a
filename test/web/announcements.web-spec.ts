import type { Page } from 'playwright-core';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const SHOTS = process.env.WA_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Announcements in the browser: an admin composes one to a segment, seeing the audience's size,
 * confirms and sees its reach; a member opens it from /annonces (unread marked) and acknowledges it.
 */
describe('web: announcements', () => {
  const web = webSpec();
  let admin: Session;
  let club: string;
  let volunteer: Session;

  beforeAll(async () => {
    admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    club = await createOrganization(web.app, admin.accessToken, {
      name: 'Club de Rennes',
      kind: 'ASSOCIATION',
      parentId: federation,
    });
    const [first, second] = await Promise.all([
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Léa Bénévole'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Hugo Bénévole'),
    ]);
    volunteer = first;
    for (const person of [first, second]) {
      const res = await web.app.gql(
        `mutation($o: ID!, $u: ID!) { setMemberCategories(organizationId: $o, userId: $u, categories: [BENEVOLE]) { role } }`,
        { o: club, u: person.userId },
        admin.accessToken,
      );
      expect(res.errors).toBeUndefined();
    }
    const segment = await web.app.gql(
      `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`,
      { input: { organizationId: club, name: 'Bénévoles actifs', filter: { categories: ['BENEVOLE'] } } },
      admin.accessToken,
    );
    expect(segment.errors).toBeUndefined();
  });

  it('composes to a segment with the audience shown, then the member reads and acknowledges it', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, admin.email, admin.password, `/admin/organisations/${club}/annonces`);
    await page.getByRole('heading', { name: 'Annonces de Club de Rennes' }).waitFor();
    await page.getByLabel('Destinataires', { exact: true }).selectOption({ label: 'Bénévoles actifs (2)' });
    await page.getByText('Sera envoyée à 2 personnes').waitFor();
    await page.getByLabel('Titre', { exact: true }).fill('Forum des associations samedi');
    await page.getByLabel('Message', { exact: true }).fill('Rendez-vous samedi à 9 h au gymnase pour monter le stand.');
    await page.getByRole('checkbox', { name: 'Demander un accusé de lecture' }).check();
    await expect(page.getByRole('checkbox', { name: 'Dans Maillage' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Par e-mail' }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'composer');
    await shot(page, 'composer');
    await page.getByRole('button', { name: "Envoyer l'annonce" }).click();
    const dialog = page.getByRole('dialog', { name: 'Envoyer cette annonce ?' });
    await dialog.getByText('sera envoyée à 2 personnes').waitFor();
    await dialog.getByRole('button', { name: "Confirmer l'envoi" }).click();
    await page.getByRole('status').getByText('Annonce envoyée à 2 personnes.').waitFor();
    const sent = page.getByRole('listitem').filter({ hasText: 'Forum des associations samedi' });
    await sent.getByText('Destinataires').waitFor();
    await expectAccessible(page, 'composer after sending');
    await shot(page, 'sent');

    const member = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(member.page, volunteer.email, volunteer.password, '/annonces');
    const list = member.page.getByRole('list', { name: 'Mes annonces' });
    const link = list.getByRole('link', { name: /Forum des associations samedi/ });
    await expect(link.textContent()).resolves.toContain('Non lue');
    await expectAccessible(member.page, '/annonces');
    await shot(member.page, 'list');
    await link.click();
    await member.page.getByRole('heading', { name: 'Forum des associations samedi' }).waitFor();
    await member.page.getByText('Rendez-vous samedi à 9 h au gymnase').waitFor();
    await member.page.getByRole('button', { name: "J'ai pris connaissance" }).click();
    await member.page.getByText('Vous avez indiqué en avoir pris connaissance.').waitFor();
    await expectAccessible(member.page, '/annonces/$id');
    await shot(member.page, 'acknowledged');

    // The admin's reach shows it read and acknowledged.
    await page.reload();
    const row = page.getByRole('listitem').filter({ hasText: 'Forum des associations samedi' });
    await row.getByText('Accusés de lecture').waitFor();
    const reach = await row.innerText();
    expect(reach.replace(/\s+/g, ' ')).toMatch(/Destinataires.*2.*Par e-mail.*2.*Lues.*1.*Accusés de lecture.*1/);
  });
});
