import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { ok } from '../support/adversarial';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

/**
 * The directory, profiles and /parametres (UI.md §2, §3): who is listed and who is not, search,
 * a profile and its message button, then one person's whole settings journey: a new display name,
 * leaving the directory, a password change, the export as a file, and the account's deletion.
 */
describe('web: directory, profiles and settings', () => {
  const web = webSpec();
  let admin: Session;
  let club: string;
  let anne: Session;
  let bruno: Session;
  let chloe: Session;
  let dana: Session;

  const updateProfile = (who: Session, input: Record<string, unknown>) =>
    web.app
      .gql('mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }', { i: input }, who.accessToken)
      .then(ok);

  beforeAll(async () => {
    admin = await loginAdmin(web.app);
    club = await createOrganization(web.app, admin.accessToken, {
      name: 'Club nautique de Lorient',
      kind: 'ASSOCIATION',
      parentId: await federationId(web.app, admin.accessToken),
    });
    [anne, bruno, chloe, dana] = await Promise.all([
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Anne Quéré'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Bruno Le Goff'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Chloé Discrète'),
      newMember(web.app, admin.accessToken, club, 'MEMBER', 'Dana Morvan'),
    ]);
    await Promise.all([
      updateProfile(bruno, { jobTitle: 'Trésorier', bio: 'Bénévole depuis 2012.', skills: ['comptabilité'] }),
      updateProfile(chloe, { profileVisibility: { listed: false } }),
    ]);
  });

  it('lists who consents, finds them, shows a profile without what it hides, and opens a conversation', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(page, anne.email, anne.password, '/annuaire');
    const people = page.getByRole('list', { name: 'Membres' });
    await people.getByRole('link', { name: 'Bruno Le Goff' }).waitFor();
    await people.getByRole('link', { name: 'Anne Quéré' }).waitFor();
    expect(await people.getByRole('link', { name: 'Chloé Discrète' }).count()).toBe(0);
    expect(await people.textContent()).toContain('Club nautique de Lorient');
    await expectAccessible(page, '/annuaire');

    // One organisation (and those below it): the club's members, not the federation's admin.
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Club nautique de Lorient' });
    const club = page.getByRole('list', { name: 'Membres de Club nautique de Lorient' });
    await club.getByRole('link', { name: 'Bruno Le Goff' }).waitFor();
    expect(await club.getByRole('link', { name: 'Administrateur' }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Toutes les organisations' });

    // Search by role (debounced): only Bruno; a name nobody has: the empty state says so.
    const search = page.getByRole('searchbox', { name: 'Chercher une personne' });
    await search.fill('tresorier');
    const results = page.getByRole('list', { name: 'Résultats pour « tresorier »' });
    await results.getByRole('link', { name: 'Bruno Le Goff' }).waitFor();
    expect(await results.getByRole('link').count()).toBe(1);
    await search.fill('Chloé');
    await page.getByText('Personne ne correspond à « Chloé »').waitFor();

    // The profile: what Bruno shares, not his e-mail (hidden by default).
    await search.fill('Bruno');
    await page.getByRole('link', { name: 'Bruno Le Goff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bruno Le Goff' }).waitFor();
    const profile = page.getByRole('main');
    await profile.getByText('Bénévole depuis 2012.').waitFor();
    const shown = (await profile.textContent()) ?? '';
    expect(shown).toContain('Trésorier');
    expect(shown).toContain('comptabilité');
    expect(shown).toContain('Club nautique de Lorient');
    expect(shown).not.toContain(bruno.email);
    await expectAccessible(page, '/personnes/$id');

    await page.getByRole('button', { name: 'Envoyer un message' }).click();
    await page.waitForURL((url) => /^\/messages\/[0-9a-f-]{36}$/.test(url.pathname));
    const conversationId = new URL(page.url()).pathname.split('/')[2];
    const { conversation } = ok(
      await web.app.gql<{ conversation: { kind: string; participants: { id: string }[] } }>(
        'query($id: ID!) { conversation(id: $id) { kind participants { id } } }',
        { id: conversationId },
        anne.accessToken,
      ),
    );
    expect(conversation.kind).toBe('DIRECT');
    expect(conversation.participants.map((p) => p.id).sort()).toEqual([anne.userId, bruno.userId].sort());

    // Someone not listed is still reachable from what they wrote; an unknown id is "introuvable".
    await page.goto(`/personnes/${chloe.userId}`);
    await page.getByRole('heading', { level: 1, name: 'Chloé Discrète' }).waitFor();
    await page.goto('/personnes/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Personne introuvable' }).waitFor();
  });

  it('changes the name, leaves the directory, changes the password, downloads the data, then deletes the account', async () => {
    const { page } = await web.open({ colorScheme: 'dark' });
    await loginThroughUi(page, dana.email, dana.password, '/parametres');
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    const profile = page.getByRole('region', { name: 'Profil' });
    await profile.getByLabel('Nom affiché').waitFor();
    await expectAccessible(page, '/parametres');

    // A blank name is refused in French, and what was typed elsewhere stays.
    await profile.getByLabel('Fonction').fill('Secrétaire');
    await profile.getByLabel('Nom affiché').fill('   ');
    await profile.getByRole('button', { name: 'Enregistrer' }).click();
    await expectAlert(profile, /Saisissez un nom affiché/);
    expect(await profile.getByLabel('Fonction').inputValue()).toBe('Secrétaire');

    // A new display name: the shell's account menu says it.
    await profile.getByLabel('Nom affiché').fill('Dana Le Floch');
    await profile.getByRole('button', { name: 'Enregistrer' }).click();
    await profile.getByText('Profil enregistré.').waitFor();
    await page.getByRole('button', { name: 'Mon compte', exact: true }).click();
    await page.getByText('Dana Le Floch', { exact: true }).waitFor();
    await page.keyboard.press('Escape');

    // Leaving the directory: another member no longer finds her there.
    const listed = page.getByRole('checkbox', { name: "Figurer dans l'annuaire" });
    expect(await listed.isChecked()).toBe(true);
    await listed.uncheck();
    await page.getByText("Enregistré : vous ne figurez plus dans l'annuaire.").waitFor();
    const other = await web.open();
    await loginThroughUi(other.page, anne.email, anne.password, '/annuaire');
    await other.page.getByRole('searchbox', { name: 'Chercher une personne' }).fill('Dana');
    await other.page.getByText('Personne ne correspond à « Dana »').waitFor();
    await other.context.close();

    // Password: a wrong current one is refused in French and nothing typed is lost; then the right one.
    const password = page.getByRole('region', { name: 'Mot de passe' });
    await password.getByLabel('Mot de passe actuel').fill('not-my-password-at-all');
    await password.getByLabel('Nouveau mot de passe').fill('une phrase de passe toute neuve');
    await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expectAlert(password, /Le mot de passe actuel est incorrect/);
    expect(await password.getByLabel('Mot de passe actuel').inputValue()).toBe('not-my-password-at-all');
    expect(await password.getByLabel('Nouveau mot de passe').inputValue()).toBe('une phrase de passe toute neuve');
    await password.getByLabel('Mot de passe actuel').fill(dana.password);
    await password.getByLabel('Nouveau mot de passe').fill('court');
    await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expectAlert(password, /au moins 12 caractères/);
    await password.getByLabel('Nouveau mot de passe').fill('une phrase de passe toute neuve');
    await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await password.getByText('Mot de passe changé.', { exact: false }).waitFor();
    expect(await password.getByLabel('Mot de passe actuel').inputValue()).toBe('');

    // The export: a JSON file holding her own data.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger mes données' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^maillage-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(exported)).toEqual(expect.objectContaining({ exportedAt: expect.any(String) }));
    expect(exported).toContain('Dana Le Floch');
    expect(exported).toContain(dana.email);
    expect(exported).not.toContain(anne.email);

    // Deleting the account: the consequences, the password again (a wrong one refused), then out.
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer définitivement votre compte ?' });
    await dialog.getByText('Ancien membre', { exact: false }).first().waitFor();
    await expectAccessible(page, '/parametres (suppression)');
    await dialog.getByLabel('Votre mot de passe, pour confirmer').fill(dana.password);
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expectAlert(dialog, /Mot de passe incorrect : votre compte n'a pas été supprimé/);
    await dialog.getByLabel('Votre mot de passe, pour confirmer').fill('une phrase de passe toute neuve');
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.waitForURL((url) => url.pathname === '/connexion');
    await page.getByText('Votre compte a été supprimé').waitFor();

    await page.getByLabel('Adresse e-mail').fill(dana.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('une phrase de passe toute neuve');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expectAlert(page.getByRole('main'), /Adresse e-mail ou mot de passe incorrect/);
  });
});

async function expectAlert(scope: Page | Locator, pattern: RegExp): Promise<void> {
  const alert = scope.getByRole('alert').filter({ hasText: pattern });
  await alert.waitFor();
}
