import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addGroupMember, createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { groupRoles, groupStanding } from '../support/groups-web-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

/** Groups (UI.md §2 /groupes, /groupes/:id; §3 join, request, pending requests): list, header, members, about. */
describe('web: groups', () => {
  const web = webSpec();
  let owner: Session; // Claire Martin, owner of both groups
  let lea: Session; // a member of the federation, in no group
  let hugo: Session; // asks to join the private group, accepted
  let ines: Session; // asks to join the private group, refused
  let marc: Session; // member of the private group, removed
  let outsider: Session; // never in the private group
  let publicId: string;
  let privateId: string;
  let federation: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    federation = await federationId(web.app, admin.accessToken);
    [owner, lea, hugo, ines, marc, outsider] = await Promise.all(
      ['Claire Martin', 'Léa Fontaine', 'Hugo Bernard', 'Inès Petit', 'Marc Dubois', 'Paul Girard'].map((name) =>
        newMember(web.app, admin.accessToken, federation, 'MEMBER', name),
      ),
    );
    publicId = await createGroup(web.app, owner.accessToken, {
      organizationId: federation,
      name: 'Trésoriers du Rhône',
      visibility: 'PUBLIC',
      description: 'Entraide entre trésoriers de clubs.',
    });
    privateId = await createGroup(web.app, owner.accessToken, {
      organizationId: federation,
      name: 'Bureau fédéral',
      visibility: 'PRIVATE',
      description: 'Le bureau prépare ses réunions ici.',
    });
    await addGroupMember(web.app, owner.accessToken, privateId, marc.userId);
    await createPost(web.app, owner.accessToken, privateId, 'Ordre du jour confidentiel de la réunion');
  });

  const card = (page: Page, name: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('a member filters the list by name and joins a public group, on a phone; then follows and leaves it', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(page, lea.email, lea.password, '/groupes');
    await page.getByRole('heading', { level: 1, name: 'Groupes' }).waitFor();
    const mine = page.getByRole('region', { name: /^Mes groupes/ });
    const others = page.getByRole('region', { name: /^Autres groupes/ });
    await mine.getByText("Vous ne faites partie d'aucun groupe").waitFor();
    await card(page, 'Bureau fédéral').getByText('Privé', { exact: true }).waitFor();
    await card(page, 'Bureau fédéral').getByRole('button', { name: 'Demander à rejoindre' }).waitFor();
    expect(await card(page, 'Bureau fédéral').getByText('1 membre', { exact: true }).count()).toBe(0);
    await card(page, 'Bureau fédéral').getByText('2 membres', { exact: true }).waitFor();

    // Case and accents ignored; the other group goes away.
    await page.getByLabel('Filtrer les groupes par nom').fill('tresoriers');
    await others.getByRole('link', { name: 'Bureau fédéral' }).waitFor({ state: 'detached' });
    const tresoriers = card(page, 'Trésoriers du Rhône');
    await tresoriers.getByText('Public', { exact: true }).waitFor();
    await expectAccessible(page, '/groupes (phone, filtered)');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    await tresoriers.getByRole('button', { name: 'Rejoindre le groupe' }).click();
    await page.getByRole('status').filter({ hasText: 'Vous avez rejoint « Trésoriers du Rhône ».' }).waitFor();
    await mine.getByRole('link', { name: 'Trésoriers du Rhône' }).click();

    await page.getByRole('heading', { level: 1, name: 'Trésoriers du Rhône' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Onglets du groupe' });
    expect(await tabs.getByRole('link', { name: 'Publications' }).getAttribute('aria-current')).toBe('page');
    const lastTab = await tabs.getByRole('link', { name: 'À propos' }).boundingBox();
    expect(lastTab!.x + lastTab!.width).toBeLessThanOrEqual(360); // the four tabs fit a phone's width
    await page.getByText('2 membres', { exact: true }).waitFor();
    await tabs.getByRole('link', { name: 'Membres' }).click();
    await page.getByRole('heading', { level: 2, name: /^Membres/ }).waitFor();
    expect(await tabs.getByRole('link', { name: 'Membres' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Claire Martin' }).waitFor();
    // Not a manager: no requests, no removal, no role to change.
    expect(await page.getByRole('region', { name: 'Demandes en attente' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Retirer/ }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Suivre le groupe' }).click();
    await page.getByRole('button', { name: 'Ne plus suivre' }).click();
    await page.getByRole('button', { name: 'Suivre le groupe' }).waitFor();

    await page.getByRole('button', { name: 'Quitter le groupe' }).click();
    const confirm = page.getByRole('dialog', { name: 'Quitter « Trésoriers du Rhône » ?' });
    await confirm.getByRole('button', { name: 'Quitter', exact: true }).click();
    await page.getByRole('button', { name: 'Rejoindre le groupe' }).waitFor();
    expect((await groupStanding(web.app, lea.accessToken, publicId)).viewerRole).toBeNull();
  });

  it('a request to a private group is accepted or refused by its manager in "Demandes en attente"; members are removed, added and given roles', async () => {
    await joinGroup(web.app, ines.accessToken, privateId);

    const requester = (await web.open()).page;
    await loginThroughUi(requester, hugo.email, hugo.password, `/groupes/${privateId}`);
    await requester.getByRole('heading', { level: 1, name: 'Bureau fédéral' }).waitFor();
    await requester.getByText('Ce groupe est privé').waitFor();
    expect(await requester.getByRole('navigation', { name: 'Onglets du groupe' }).count()).toBe(0);
    await requester.getByRole('button', { name: 'Demander à rejoindre' }).click();
    await requester.getByText('Demande envoyée').waitFor();
    expect(await requester.getByText('Ordre du jour confidentiel').count()).toBe(0);

    const manager = (await web.open()).page;
    await loginThroughUi(manager, owner.email, owner.password, `/groupes/${privateId}/membres`);
    const requests = manager.getByRole('region', { name: 'Demandes en attente' });
    await requests.getByRole('link', { name: 'Hugo Bernard' }).waitFor();
    await requests.getByRole('link', { name: 'Inès Petit' }).waitFor();
    await expectAccessible(manager, 'members tab (manager, two requests)');
    const membersTab = manager
      .getByRole('navigation', { name: 'Onglets du groupe' })
      .getByRole('link', { name: /^Membres/ });
    await eventually(async () => expect(await membersTab.textContent()).toContain('2 demandes en attente'));

    await requests
      .getByRole('listitem')
      .filter({ hasText: 'Inès Petit' })
      .getByRole('button', { name: 'Refuser' })
      .click();
    await requests.getByText('La demande de Inès Petit est refusée.').waitFor();
    await requests
      .getByRole('listitem')
      .filter({ hasText: 'Hugo Bernard' })
      .getByRole('button', { name: 'Accepter' })
      .click();
    await requests.getByText('Aucune demande en attente.').waitFor();
    await eventually(async () => expect(await membersTab.textContent()).toBe('Membres'));
    const members = manager.getByRole('region', { name: /^Membres/ });
    await members.getByRole('link', { name: 'Hugo Bernard' }).waitFor();
    expect(await groupStanding(web.app, ines.accessToken, privateId)).toEqual({
      viewerRole: null,
      viewerHasPendingRequest: false,
    });

    // The requester's open page follows (the acceptance arrives as a notification): the group opens up.
    const tabs = requester.getByRole('navigation', { name: 'Onglets du groupe' });
    await tabs.waitFor({ timeout: 15_000 });
    await requester.getByText('Ordre du jour confidentiel de la réunion').waitFor();
    await tabs.getByRole('link', { name: 'Membres' }).click();
    await requester.getByRole('link', { name: 'Marc Dubois' }).waitFor();

    // A role, through the select.
    await manager.getByLabel('Rôle de Hugo Bernard').selectOption('MODERATOR');
    await eventually(async () =>
      expect((await groupRoles(web.app, owner.accessToken, privateId))['Hugo Bernard']).toBe('MODERATOR'),
    );

    // Removal, confirmed in a dialog.
    await manager.getByRole('button', { name: 'Retirer Marc Dubois du groupe' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Retirer Marc Dubois du groupe ?' });
    await dialog.getByRole('button', { name: 'Retirer du groupe' }).click();
    await members.getByRole('link', { name: 'Marc Dubois' }).waitFor({ state: 'detached' });
    expect((await groupStanding(web.app, marc.accessToken, privateId)).viewerRole).toBeNull();

    // Adding someone found by name in the directory.
    await manager.getByLabel('Nom de la personne à ajouter').fill('Léa Font');
    await manager.getByRole('button', { name: 'Ajouter Léa Fontaine au groupe' }).click();
    await members.getByRole('link', { name: 'Léa Fontaine' }).waitFor();

    // The last owner may not leave: the refusal says what to do.
    await manager.getByRole('button', { name: 'Quitter le groupe' }).click();
    await manager
      .getByRole('dialog', { name: 'Quitter « Bureau fédéral » ?' })
      .getByRole('button', { name: 'Quitter', exact: true })
      .click();
    await manager.getByRole('alert').filter({ hasText: 'dernier propriétaire' }).waitFor();

    // About: the owner edits; a blank name is refused in French and what was typed stays.
    await manager
      .getByRole('navigation', { name: 'Onglets du groupe' })
      .getByRole('link', { name: 'À propos' })
      .click();
    await manager.getByRole('button', { name: 'Modifier le groupe' }).click();
    await manager.getByLabel(/^Public/).check();
    await manager.getByText('En passant en public').waitFor();
    await manager.getByLabel(/^Privé/).check();
    await manager.getByLabel('Description').fill('Réunions du bureau, comptes rendus.');
    await manager.getByLabel('Nom du groupe').fill('  ');
    await manager.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await manager.getByRole('alert').filter({ hasText: 'Nom du groupe' }).waitFor();
    expect(await manager.getByLabel('Description').inputValue()).toBe('Réunions du bureau, comptes rendus.');
    await manager.getByLabel('Nom du groupe').fill('Bureau fédéral');
    await manager.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await manager.getByText('Réunions du bureau, comptes rendus.').first().waitFor();
    await manager.getByRole('link', { name: 'Hugo Bernard' }).waitFor(); // among the managers, as moderator
  });

  it("an outsider sees a private group's name and a request button, never its members or posts; bad input is refused in French", async () => {
    const { page } = await web.open({ colorScheme: 'dark' });
    await loginThroughUi(page, outsider.email, outsider.password, `/groupes/${privateId}/membres`);
    await page.getByRole('heading', { level: 1, name: 'Bureau fédéral' }).waitFor();
    await page.getByRole('button', { name: 'Demander à rejoindre' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Onglets du groupe' }).count()).toBe(0);
    for (const hidden of ['Claire Martin', 'Hugo Bernard', 'Ordre du jour confidentiel'])
      expect(await page.getByText(hidden).count()).toBe(0);
    await expectAccessible(page, 'private group, outsider (dark)');

    // A public group shows its content and members to everyone.
    await page.goto(`/groupes/${publicId}/membres`);
    await page.getByRole('link', { name: 'Claire Martin' }).waitFor();
    await expectAccessible(page, 'public group members tab (dark)');

    await page.goto('/groupes/6f1c1b8e-2a53-4d5e-9d61-0b7f3d2c9a10');
    await page.getByRole('heading', { level: 1, name: 'Groupe introuvable' }).waitFor();

    // Long lists come a page at a time.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createGroup(web.app, owner.accessToken, {
          organizationId: federation,
          name: `Tournoi ${String(i + 1).padStart(2, '0')}`,
          visibility: 'PUBLIC',
        }),
      ),
    );
    await page.goto('/groupes');
    const others = page.getByRole('region', { name: /^Autres groupes/ });
    await others.getByRole('link', { name: 'Tournoi 18' }).waitFor();
    expect(await others.getByRole('link', { name: 'Tournoi 20' }).count()).toBe(0);
    await others.getByRole('button', { name: 'Afficher plus de groupes' }).click();
    await others.getByRole('link', { name: 'Tournoi 20' }).waitFor();
    expect(await others.getByRole('button', { name: 'Afficher plus de groupes' }).count()).toBe(0);

    // Creating a group: a blank name is refused, what was typed stays; then it is created.
    await page.getByRole('button', { name: 'Créer un groupe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer un groupe' });
    await dialog.getByLabel('Description').fill('Covoiturage pour les tournois.');
    await dialog.getByRole('button', { name: 'Créer le groupe' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Nom du groupe' }).waitFor();
    expect(await dialog.getByLabel('Description').inputValue()).toBe('Covoiturage pour les tournois.');
    await dialog.getByLabel('Nom du groupe').fill('Covoiturage');
    await dialog.getByRole('button', { name: 'Créer le groupe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Covoiturage' }).waitFor();
    await page.getByText('Vous : Propriétaire').waitFor();
  });
});
