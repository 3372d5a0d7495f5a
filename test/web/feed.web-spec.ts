import type { Page } from 'playwright-core';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, addGroupMember, createGroup, createPost } from '../support/group-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const PHONE = { width: 360, height: 740 };

/** The card of the post whose text contains `text`. */
const card = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text });

/** The home feed, post cards and one post's page (UI.md §3: composer, J'aime, comments), live, private. */
describe('web: the feed and posts', () => {
  const web = webSpec();
  let lea: Session, hugo: Session, mia: Session, outsider: Session;
  let bureau: string, vieDuClub: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    [lea, hugo, mia, outsider] = await Promise.all(
      ['Léa Fontaine', 'Hugo Bernard', 'Mia Lambert', 'Oscar Dehors'].map((name) =>
        newMember(web.app, admin.accessToken, federation, 'MEMBER', name),
      ),
    );
    bureau = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Bureau du club',
      visibility: 'PRIVATE',
    });
    vieDuClub = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
    await Promise.all([
      addGroupMember(web.app, admin.accessToken, bureau, lea.userId),
      addGroupMember(web.app, admin.accessToken, bureau, hugo.userId),
      addGroupMember(web.app, admin.accessToken, bureau, mia.userId, 'MODERATOR'),
      addGroupMember(web.app, admin.accessToken, vieDuClub, lea.userId),
      addGroupMember(web.app, admin.accessToken, vieDuClub, outsider.userId),
    ]);
    await createPost(web.app, outsider.accessToken, vieDuClub, 'Le tournoi de printemps aura lieu le 12 avril.');
  });

  it('a member posts on a phone; another member sees the pill live, then likes and comments; the author edits and deletes; an outsider sees nothing', async () => {
    const { page: leaPage } = await web.open({ viewport: PHONE });
    const { page: hugoPage } = await web.open();
    const { page: outsiderPage } = await web.open();
    await Promise.all([
      loginThroughUi(leaPage, lea.email, lea.password, '/'),
      loginThroughUi(hugoPage, hugo.email, hugo.password, '/'),
      loginThroughUi(outsiderPage, outsider.email, outsider.password, '/'),
    ]);
    // Hugo reads his feed (empty so far); the outsider reads theirs (the public group's post).
    await hugoPage.getByText("Votre fil est vide pour l'instant.").waitFor();
    await outsiderPage.getByText('Le tournoi de printemps').waitFor();

    // Léa, on her phone: an empty post is refused in French, then she posts into the private group.
    await leaPage.getByRole('heading', { level: 1, name: "Fil d'actualité" }).waitFor();
    await leaPage.getByRole('button', { name: 'Publier' }).click();
    await leaPage.getByRole('alert').filter({ hasText: 'Écrivez votre publication' }).waitFor();
    const composer = leaPage.getByRole('textbox', { name: 'Nouvelle publication' });
    await composer.fill('Réunion du bureau jeudi à 19 h.\nOrdre du jour : https://exemple.fr/odj');
    await leaPage.getByLabel('Groupe').selectOption({ label: 'Bureau du club' });
    await leaPage.getByRole('button', { name: 'Publier' }).click();
    const leaCard = card(leaPage, 'Réunion du bureau');
    await leaCard.waitFor();
    expect(await composer.inputValue()).toBe('');
    await expect(leaCard.getByRole('link', { name: 'Bureau du club' }).getAttribute('href')).resolves.toBe(
      `/groupes/${bureau}`,
    );
    await expect(leaCard.getByRole('link', { name: 'https://exemple.fr/odj' }).getAttribute('rel')).resolves.toContain(
      'noopener',
    );
    await expect(leaCard.getByText('Réunion du bureau jeudi à 19 h.').textContent()).resolves.toContain('\n');
    await leaCard.getByText(/à l’instant|maintenant|il y a/).waitFor();
    await expectAccessible(leaPage, '/ (phone, with a post)');
    const width = await leaPage.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);

    // Hugo sees the pill live, and the post once he clicks it.
    const pill = hugoPage.getByRole('button', { name: '1 nouvelle publication' });
    await pill.click();
    const hugoCard = card(hugoPage, 'Réunion du bureau');
    await hugoCard.waitFor();
    await expect(pill.count()).resolves.toBe(0);
    // The outsider heard nothing and sees nothing of the private group.
    await expect(outsiderPage.getByRole('button', { name: /nouvelle/ }).count()).resolves.toBe(0);
    await expect(outsiderPage.getByText('Réunion du bureau').count()).resolves.toBe(0);

    // Hugo likes it (aria-pressed) and comments; he may neither edit nor delete it.
    const like = hugoCard.getByRole('button', { name: "J'aime" });
    await expect(like.getAttribute('aria-pressed')).resolves.toBe('false');
    await like.click();
    await hugoCard.getByText('1 personne aime').waitFor();
    await expect(like.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(hugoCard.getByRole('button', { name: /Modifier|Supprimer/ }).count()).resolves.toBe(0);
    await hugoCard.getByRole('button', { name: 'Commentaires' }).click();
    await hugoCard.getByRole('textbox', { name: 'Ajouter un commentaire' }).fill('Je serai là.');
    await hugoCard.getByRole('button', { name: 'Commenter' }).click();
    await hugoCard.getByRole('listitem').filter({ hasText: 'Je serai là.' }).waitFor();
    await hugoCard.getByRole('button', { name: '1 commentaire' }).waitFor();

    // Léa reloads: the like and the comment are there; she edits her post, then deletes it.
    await leaPage.reload();
    const reloaded = card(leaPage, 'Réunion du bureau');
    await reloaded.getByText('1 personne aime').waitFor();
    await reloaded.getByRole('button', { name: '1 commentaire' }).click();
    await reloaded.getByText('Je serai là.').waitFor();
    await reloaded.getByRole('button', { name: 'Modifier la publication' }).click();
    await reloaded.getByRole('textbox', { name: 'Texte de la publication' }).fill('Réunion du bureau vendredi à 19 h.');
    await reloaded.getByRole('button', { name: 'Enregistrer' }).click();
    await reloaded.getByText('Réunion du bureau vendredi à 19 h.').waitFor();
    await reloaded.getByText('modifiée').waitFor();
    await reloaded.getByRole('button', { name: 'Supprimer la publication' }).click();
    const dialog = leaPage.getByRole('dialog', { name: 'Supprimer cette publication ?' });
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(card(leaPage, 'Réunion du bureau').count()).resolves.toBe(0);
    await leaPage.reload();
    await leaPage.getByText('Le tournoi de printemps').waitFor();
    await expect(leaPage.getByText('Réunion du bureau').count()).resolves.toBe(0);
  });

  it("a moderator deletes someone else's post from its page; an outsider finds neither the feed's posts nor the page of a private post", async () => {
    const hugoPost = await createPost(web.app, hugo.accessToken, bureau, 'Qui a les clés du local ?');
    await addComment(web.app, lea.accessToken, hugoPost, 'Moi, je les rapporte demain.');
    const secret = await createPost(web.app, hugo.accessToken, bureau, 'Budget confidentiel du bureau');

    const { page: outsiderPage } = await web.open({ viewport: PHONE, colorScheme: 'dark' });
    await loginThroughUi(outsiderPage, outsider.email, outsider.password, `/publications/${secret}`);
    await outsiderPage.getByRole('heading', { level: 1, name: 'Publication introuvable' }).waitFor();
    await expect(outsiderPage.getByText('Budget confidentiel').count()).resolves.toBe(0);
    await expectAccessible(outsiderPage, '/publications/$id (not found, dark)');
    await outsiderPage
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Fil' })
      .click();
    await outsiderPage.getByText('Le tournoi de printemps').waitFor();
    await expect(outsiderPage.getByText(/Budget confidentiel|Qui a les clés/).count()).resolves.toBe(0);
    // The group's posts tab: a private group's posts stay hidden from the outsider.
    await outsiderPage.goto(`/groupes/${bureau}`);
    await outsiderPage.getByText('Ce groupe est privé').waitFor();
    await expect(outsiderPage.getByText('Budget confidentiel').count()).resolves.toBe(0);

    const { page: miaPage } = await web.open();
    await loginThroughUi(miaPage, mia.email, mia.password, `/publications/${hugoPost}`);
    const post = card(miaPage, 'Qui a les clés du local ?');
    await post.getByText('Moi, je les rapporte demain.').waitFor();
    await expectAccessible(miaPage, '/publications/$id (a post with comments)');
    await expect(post.getByRole('button', { name: 'Modifier la publication' }).count()).resolves.toBe(0);
    // The moderator removes Léa's comment (after confirming), then Hugo's post.
    await post.getByRole('button', { name: 'Supprimer le commentaire' }).click();
    await miaPage
      .getByRole('dialog', { name: 'Supprimer ce commentaire ?' })
      .getByRole('button', { name: 'Supprimer' })
      .click();
    await post.getByText('Aucun commentaire pour l').waitFor();
    await post.getByRole('button', { name: 'Supprimer la publication' }).click();
    const dialog = miaPage.getByRole('dialog', { name: 'Supprimer cette publication ?' });
    await dialog.getByText('en tant que responsable du groupe').waitFor();
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await miaPage.getByRole('heading', { level: 1, name: "Fil d'actualité" }).waitFor();
    await miaPage.getByText('Budget confidentiel du bureau').waitFor();
    await expect(miaPage.getByText('Qui a les clés du local ?').count()).resolves.toBe(0);
    await miaPage.goto(`/publications/${hugoPost}`);
    await miaPage.getByRole('heading', { level: 1, name: 'Publication introuvable' }).waitFor();
    // In the group's posts tab, a member finds the group's composer and its posts.
    await miaPage.goto(`/groupes/${bureau}`);
    await card(miaPage, 'Budget confidentiel du bureau').waitFor();
    await miaPage.getByRole('textbox', { name: 'Nouvelle publication' }).fill('Prochaine réunion le 3 mai.');
    await miaPage.getByRole('button', { name: 'Publier' }).click();
    await card(miaPage, 'Prochaine réunion le 3 mai.').waitFor();
  });
});
