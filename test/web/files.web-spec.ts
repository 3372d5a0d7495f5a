import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { jpegWithGps } from '../support/file-fixtures';
import { addGroupMember, createGroup } from '../support/group-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';
import type { Page } from 'playwright-core';

const SHOTS = process.env.FILES_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Files in the browser: "Joindre des fichiers" in the group's composer, a preview once sent, a
 * refused type explained in French, "Publier" with the file, the thumbnail in the post, and the
 * group's "Documents" tab listing it with a search.
 */
describe('web: files', () => {
  const web = webSpec();
  let member: Session;
  let groupId: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    member = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Inès Photographe');
    groupId = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Sorties du club',
      visibility: 'PRIVATE',
    });
    await addGroupMember(web.app, admin.accessToken, groupId, member.userId);
  });

  it('attaches an image with its preview, publishes it, and lists it in the documents', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(page, member.email, member.password, `/groupes/${groupId}`);
    const photo = await jpegWithGps();

    // A type the server refuses: a French message, and nothing attached.
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Joindre des fichiers' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await page.getByRole('alert').getByText('Type de fichier non accepté', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Retirer logo.svg' }).click();

    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Joindre des fichiers' }).click();
    await (await chooser).setFiles({ name: 'sortie à Annecy.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: 'Aperçu de sortie à Annecy.jpg' }).waitFor();
    await shot(page, 'composer');
    await expectAccessible(page, 'the composer with an attached image');

    await page.getByRole('textbox', { name: 'Nouvelle publication' }).fill('Les photos de la sortie de dimanche.');
    await page.getByRole('button', { name: 'Publier' }).click();
    const card = page.getByRole('article').filter({ hasText: 'Les photos de la sortie de dimanche.' });
    const thumbnail = card.getByRole('img', { name: 'sortie à Annecy.jpg' });
    await thumbnail.waitFor();
    // The thumbnail really loads (its signed link works for this viewer).
    await eventually(async () => {
      const loaded = await thumbnail.evaluate((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 0;
      });
      expect(loaded).toBe(true);
    });
    await expect(page.getByRole('list', { name: 'Fichiers joints' }).count()).resolves.toBe(0);
    await shot(page, 'post');

    await page.getByRole('link', { name: 'Documents' }).click();
    const documents = page.getByRole('list', { name: 'Documents du groupe' });
    await documents.getByRole('link', { name: 'sortie à Annecy.jpg' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un document' }).fill('annecy');
    await documents.getByRole('link', { name: 'sortie à Annecy.jpg' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un document' }).fill('budget');
    await page.getByText('Aucun document ne correspond à cette recherche.').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un document' }).fill('');
    await documents.getByRole('link', { name: 'sortie à Annecy.jpg' }).waitFor();
    await shot(page, 'documents');
    await expectAccessible(page, 'the documents tab');
  });
});
