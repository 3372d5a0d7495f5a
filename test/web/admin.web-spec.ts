import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { createGroup } from '../support/group-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

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

/** /admin (UI.md §2): the organisation tree, sub-organisations, members, invitations, audit log, first steps. */
describe('web: administration', () => {
  const web = webSpec();
  let admin: Session;
  let federation: string;
  let legalGroup: string;

  beforeAll(async () => {
    admin = await loginAdmin(web.app);
    federation = await federationId(web.app, admin.accessToken);
    legalGroup = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Commission juridique',
      visibility: 'PRIVATE',
    });
  });

  it('lets the federation admin build a region and an association, invite its admin, who lands on the first steps, and follow it in the audit log', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, admin.email, admin.password, '/');
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    const tree = page.getByRole('navigation', { name: 'Organisations administrées' });
    await tree.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Créer une sous-organisation' }).waitFor();
    // The groups the federation owns, each leading to its settings (visibility) and its members' roles.
    const groups = page.getByRole('list', { name: "Groupes de l'organisation" });
    await groups.getByRole('link', { name: 'Commission juridique', exact: true }).waitFor();
    await groups.getByText(/Privé/).waitFor();
    const settings = groups.getByRole('link', { name: 'Paramètres du groupe Commission juridique' });
    expect(await settings.getAttribute('href')).toBe(`/groupes/${legalGroup}/a-propos`);
    await expectAccessible(page, 'federation page');

    // The last admin of the federation cannot demote themself: the refusal is in French.
    await page.getByLabel('Filtrer les membres par nom').fill('admin');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const changeOwnRole = page.getByRole('button', { name: 'Changer le rôle de Administrateur' });
    await changeOwnRole.click();
    const roleDialog = page.getByRole('dialog');
    await roleDialog.getByLabel('Nouveau rôle').selectOption('MEMBER');
    await roleDialog.getByRole('button', { name: 'Changer le rôle' }).click();
    await roleDialog.getByRole('alert').waitFor();
    expect(await roleDialog.getByRole('alert').textContent()).toMatch(/au moins un administrateur actif/);
    await roleDialog.getByRole('button', { name: 'Retour' }).click();

    // A region, then an association in it (the page also has a commission form with its own `Nom`).
    const createForm = page.getByRole('form', { name: 'Créer une sous-organisation' });
    await createForm.getByLabel('Nom', { exact: true }).fill('Ligue de Bretagne');
    await createForm.getByLabel('Type').selectOption('REGION');
    await createForm.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ligue de Bretagne' }).waitFor();
    await createForm.getByLabel('Nom', { exact: true }).fill('Club nautique de Lorient');
    await createForm.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Club nautique de Lorient' }).waitFor();

    // Right after creating it, the page offers to invite its first admin.
    await page.getByRole('heading', { name: "L'association Club nautique de Lorient est créée" }).waitFor();
    await page.getByRole('heading', { name: 'Inviter un membre' }).waitFor();
    expect(await page.getByLabel('Rôle', { exact: true }).inputValue()).toBe('ADMIN');
    await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/adresse e-mail valide/);
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('pas-une-adresse');
    await page.getByLabel('Adresse e-mail').fill('yann.le-goff@cn-lorient.test');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    const link = await page.getByLabel("Lien d'invitation").inputValue();
    expect(link).toMatch(/\/invitation\/[\w-]+$/);
    await expectAccessible(page, 'new association, welcome');

    // The invitee, on a phone, accepts from the link and lands on the first steps.
    const invitee = await web.open({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    await invitee.page.goto(new URL(link).pathname);
    await invitee.page.getByLabel('Nom affiché').fill('Yann Le Goff');
    await invitee.page.getByLabel('Mot de passe', { exact: true }).fill('un-mot-de-passe-solide');
    await invitee.page.getByRole('button', { name: 'Rejoindre' }).click();
    await invitee.page.getByRole('heading', { level: 1, name: 'Premiers pas' }).waitFor();
    expect(new URL(invitee.page.url()).pathname).toBe('/premiers-pas');
    await invitee.page.getByRole('link', { name: 'Compléter mon profil' }).waitFor();
    await invitee.page.getByRole('link', { name: 'Gérer Club nautique de Lorient' }).waitFor();
    await expectAccessible(invitee.page, '/premiers-pas (phone, dark)');

    // Back on the association: the new admin is a member; a pending invitation can be revoked.
    await page.getByRole('link', { name: "Continuer vers la gestion de l'association" }).click();
    await page.getByRole('heading', { name: 'Invitations en attente' }).waitFor();
    await page.getByText('Yann Le Goff').waitFor();
    await page.getByLabel('Adresse e-mail').fill('benevole@cn-lorient.test');
    await page.getByLabel('Rôle', { exact: true }).selectOption('MEMBER');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    const pending = page.getByRole('list', { name: 'Invitations en attente' });
    await pending.getByText('benevole@cn-lorient.test').waitFor();
    await expectAccessible(page, 'association page');
    // Resending gives a new link; the first one stops working.
    const firstLink = await page.getByLabel("Lien d'invitation", { exact: true }).inputValue();
    await page.getByRole('button', { name: "Renvoyer l'invitation à benevole@cn-lorient.test" }).click();
    await page
      .getByText("Invitation renvoyée à benevole@cn-lorient.test : l'ancien lien ne fonctionne plus.")
      .waitFor();
    const newLink = await page.getByLabel("Nouveau lien d'invitation").inputValue();
    expect(newLink).toMatch(/\/invitation\/.+/);
    expect(newLink).not.toBe(firstLink);
    await page.getByRole('button', { name: "Annuler l'invitation de benevole@cn-lorient.test" }).click();
    await page.getByRole('dialog').getByRole('button', { name: "Annuler l'invitation" }).click();
    await page.getByText("L'invitation de benevole@cn-lorient.test est annulée.").waitFor();
    await page.getByText('Aucune invitation en attente.').waitFor();

    // Several addresses at once: each one's result is shown.
    await page.getByText('Inviter plusieurs personnes à la fois').click();
    await page
      .getByLabel('Adresses des personnes à inviter')
      .fill('marin@cn-lorient.test, pas-une-adresse\nyann.le-goff@cn-lorient.test');
    await page.getByRole('button', { name: 'Envoyer les invitations' }).click();
    const results = page.getByRole('list', { name: 'Résultat des invitations' });
    await results.getByText('yann.le-goff@cn-lorient.test : déjà membre').waitFor();
    await results.getByText('marin@cn-lorient.test : invitation envoyée').waitFor();
    await results.getByText('pas-une-adresse : adresse invalide').waitFor();
    await page.getByRole('list', { name: 'Invitations en attente' }).getByText('marin@cn-lorient.test').waitFor();

    // A role change, then the audit log shows it (filtered by action).
    await page.getByRole('button', { name: 'Changer le rôle de Yann Le Goff' }).click();
    await page.getByRole('dialog').getByLabel('Nouveau rôle').selectOption('STAFF');
    await page.getByRole('dialog').getByRole('button', { name: 'Changer le rôle' }).click();
    await page.getByText('Le rôle de Yann Le Goff est maintenant : Équipe.').waitFor();
    await page.getByRole('link', { name: "Journal d'administration" }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal de Club nautique de Lorient' }).waitFor();
    const journal = page.getByRole('list', { name: 'Actions enregistrées' });
    await journal.getByText('Rôle modifié : Administrateur·rice → Équipe').waitFor();
    await journal.getByText('Invitation annulée').waitFor();
    await page.getByLabel("Type d'action").selectOption('member.role_changed');
    await eventually(async () => expect(await journal.getByText('Invitation annulée').count()).toBe(0));
    await journal.getByText('Rôle modifié : Administrateur·rice → Équipe').waitFor();
    await expectAccessible(page, 'audit log');

    await journal.getByRole('link', { name: 'par Administrateur : voir seulement ses actions' }).first().click();
    await page.getByText("Seulement les actions d'une personne.").waitFor();
    await journal.getByText('Rôle modifié : Administrateur·rice → Équipe').waitFor();

    // The federation's members list can include everyone below it.
    await page.getByRole('link', { name: 'Administration', exact: true }).click();
    await tree.getByRole('link').first().click();
    await page.getByLabel('Filtrer les membres par nom').fill('yann');
    await page.getByLabel('Inclure les organisations en dessous').check();
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.getByText('Club nautique de Lorient · Équipe').waitFor();
    await page.getByRole('button', { name: 'Changer le rôle de Yann Le Goff' }).waitFor();
  });

  it("refuses another association's admin pages without leaking them, and cuts a deactivated person's open session", async () => {
    const clubA = await createOrganization(web.app, admin.accessToken, {
      name: 'Tennis club de Vannes',
      kind: 'ASSOCIATION',
      parentId: federation,
    });
    const clubB = await createOrganization(web.app, admin.accessToken, {
      name: 'Aviron secret de Quimper',
      kind: 'ASSOCIATION',
      parentId: federation,
    });
    const sophie = await newMember(web.app, admin.accessToken, clubA, 'ADMIN', 'Sophie Martin');
    const lucie = await newMember(web.app, admin.accessToken, clubA, 'MEMBER', 'Lucie Garnier');
    await newMember(web.app, admin.accessToken, clubB, 'ADMIN', 'Marc Invisible');

    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    const responses = recordGraphqlResponses(page);
    await loginThroughUi(page, sophie.email, sophie.password, '/admin');
    const tree = page.getByRole('navigation', { name: 'Organisations administrées' });
    await tree.getByRole('link', { name: 'Tennis club de Vannes' }).waitFor();
    expect(await tree.getByRole('link').count()).toBe(1);
    await expectAccessible(page, '/admin (association admin, phone)');

    for (const path of [`/admin/organisations/${clubB}`, `/admin/organisations/${clubB}/journal`]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: "Vous n'avez pas accès à cette page" }).waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/Aviron secret|Marc Invisible/);
      await expectAccessible(page, `${path} (refused)`);
    }
    expect(responses.join('\n')).not.toMatch(/Aviron secret|Marc Invisible/);

    // Lucie is using Maillage when Sophie deactivates her account: her page goes to /connexion.
    const lucieTab = await web.open();
    await loginThroughUi(lucieTab.page, lucie.email, lucie.password, '/groupes');
    await page.goto(`/admin/organisations/${clubA}`);
    await page.getByRole('button', { name: 'Désactiver le compte de Lucie Garnier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Désactiver le compte de Lucie Garnier ?' });
    await dialog.getByText('Ses sessions ouvertes se ferment tout de suite').waitFor();
    await expectAccessible(page, 'deactivation dialog');
    await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
    await page.getByText('Le compte de Lucie Garnier est désactivé.').waitFor();
    await lucieTab.page.waitForURL((url) => url.pathname === '/connexion');
    await lucieTab.page.getByRole('button', { name: 'Se connecter' }).waitFor();

    await page.getByRole('button', { name: 'Réactiver le compte de Lucie Garnier' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Réactiver le compte' }).click();
    await page.getByText('Le compte de Lucie Garnier est réactivé.').waitFor();
    await page.getByRole('button', { name: 'Désactiver le compte de Lucie Garnier' }).waitFor();
  });
});
