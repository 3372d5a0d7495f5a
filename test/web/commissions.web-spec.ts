import type { Page } from 'playwright-core';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addGroupMember, createPost } from '../support/group-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const SHOTS = process.env.WC_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const REPORT = 'Compte rendu du tournoi des jeunes : 48 participants, 6 clubs.';

/**
 * A commission in the browser: the admin creates it from the organisation's page; a member proposes
 * a working post, an owner publishes it, and an outsider sees only the showcase, with the copy signed
 * by the commission.
 */
describe('web: commissions', () => {
  const web = webSpec();
  let clubAdmin: Session;
  let member: Session;
  let outsider: Session;
  let club: string;
  let commissionUrl: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    club = await createOrganization(web.app, admin.accessToken, {
      name: 'Club de Quimper',
      kind: 'ASSOCIATION',
      parentId: federation,
    });
    [clubAdmin, member, outsider] = await Promise.all([
      newMember(web.app, admin.accessToken, club, 'ADMIN', 'Hélène Présidente'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Yann Rédacteur'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Gaëlle Visiteuse'),
    ]);
  });

  it("lets an admin create a commission from the organisation's page", async () => {
    const owner = await web.open();
    await loginThroughUi(owner.page, clubAdmin.email, clubAdmin.password, `/admin/organisations/${club}`);
    const section = owner.page.getByRole('region', { name: 'Commissions' });
    await section.getByText("Cette organisation n'a pas encore de commission.").waitFor();
    await section.getByLabel('Nom').fill('Commission jeunes');
    await section.getByLabel('Description').fill('Tournois et stages des moins de 18 ans.');
    await expectAccessible(owner.page, "the organisation's administration page with its commissions");
    await shot(owner.page, 'admin');
    await section.getByRole('button', { name: 'Créer une commission' }).click();
    await owner.page.getByRole('heading', { level: 1, name: 'Commission jeunes' }).waitFor();
    commissionUrl = owner.page.url().replace(/^https?:\/\/[^/]+/, '');
    expect(commissionUrl).toMatch(/^\/commissions\/[0-9a-f-]{36}$/);
    await owner.page.getByRole('heading', { level: 2, name: 'Espace de travail' }).waitFor();
    await owner.page.getByRole('heading', { level: 2, name: 'Vitrine' }).waitFor();

    // The member is added to the working group and writes there (set up through the API).
    const [{ working_group_id: workingGroup }] = await web.app.sql<{ working_group_id: string }>(
      'SELECT working_group_id FROM commissions WHERE name = $1',
      ['Commission jeunes'],
    );
    await addGroupMember(web.app, clubAdmin.accessToken, workingGroup, member.userId);
    await createPost(web.app, member.accessToken, workingGroup, REPORT);
  });

  it('lets a member propose a working post and an owner publish it to the showcase', async () => {
    // The member proposes it, on a phone.
    const writer = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(writer.page, member.email, member.password, commissionUrl);
    const work = writer.page.getByRole('region', { name: 'Espace de travail' });
    const draft = work.getByRole('article').filter({ hasText: REPORT });
    await draft.getByRole('button', { name: 'Proposer à la publication' }).click();
    await draft.getByText('Proposée à la publication').waitFor();
    expect(await draft.getByRole('button', { name: 'Publier' }).count()).toBe(0);
    await expectAccessible(writer.page, 'the commission page, a member (360 px)');
    await shot(writer.page, 'member');

    // The owner publishes it: the copy appears in the showcase, signed by the commission.
    const owner = await web.open();
    await loginThroughUi(owner.page, clubAdmin.email, clubAdmin.password, commissionUrl);
    const ownerDraft = owner.page
      .getByRole('region', { name: 'Espace de travail' })
      .getByRole('article')
      .filter({ hasText: REPORT });
    await ownerDraft.getByRole('button', { name: 'Publier' }).click();
    await ownerDraft.getByText('Publiée dans la vitrine').waitFor();
    const showcase = owner.page.getByRole('region', { name: 'Vitrine' });
    await showcase.getByRole('article', { name: 'Publication de Commission jeunes' }).getByText(REPORT).waitFor();
    await expectAccessible(owner.page, 'the commission page, an owner');
    await shot(owner.page, 'owner');
  });

  it('shows an outsider only the showcase, the copy signed by the commission', async () => {
    const visitor = await web.open({ colorScheme: 'dark' });
    await loginThroughUi(visitor.page, outsider.email, outsider.password, commissionUrl);
    const visible = visitor.page.getByRole('region', { name: 'Vitrine' });
    await visible.getByRole('article', { name: 'Publication de Commission jeunes' }).getByText(REPORT).waitFor();
    expect(await visitor.page.getByRole('heading', { name: 'Espace de travail' }).count()).toBe(0);
    expect(await visitor.page.getByText('Yann Rédacteur').count()).toBe(0);
    expect(await visitor.page.getByRole('button', { name: 'Publier' }).count()).toBe(0);
    await expectAccessible(visitor.page, 'the commission page, an outsider (dark)');
    await shot(visitor.page, 'outsider');

    // The showcase group's page leads back to the commission.
    await visible.getByRole('link', { name: 'Ouvrir le groupe de la vitrine' }).click();
    await visitor.page.getByRole('link', { name: 'Voir la commission Commission jeunes' }).click();
    await visitor.page.getByRole('heading', { level: 1, name: 'Commission jeunes' }).waitFor();
  });
});
