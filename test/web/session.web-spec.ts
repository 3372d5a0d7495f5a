import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { errorCode } from '../support/graphql-client';
import { focusedId, focusedText, loginThroughUi, webSpec } from '../support/web';

/** Logging in and out in the browser: UI.md §2 (/connexion, the return to the wanted page) and the session contract. */
describe('web: login and logout', () => {
  const web = webSpec();
  let member: Session;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    member = await newMember(
      web.app,
      admin.accessToken,
      await federationId(web.app, admin.accessToken),
      'MEMBER',
      'Camille Martin',
    );
  });

  it('refuses a wrong password with a French message and keeps what was typed', async () => {
    const { page } = await web.open();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('not-the-right-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expectText(page.getByRole('alert'), /Adresse e-mail ou mot de passe incorrect/);
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(member.email);
    expect(await page.getByLabel('Mot de passe', { exact: true }).inputValue()).toBe('not-the-right-password');
    expect(new URL(page.url()).pathname).toBe('/connexion');
  });

  it('sends a logged-out visitor to /connexion, then back to the page they wanted', async () => {
    const { page } = await web.open();
    await page.goto('/annuaire');
    await page.waitForURL((url) => url.pathname === '/connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/annuaire');
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === '/annuaire');
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
  });

  it('never sends anyone to another site after login (?retour= stays inside the app)', async () => {
    const { page } = await web.open();
    await page.goto('/connexion?retour=//example.org/piege');
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    expect(new URL(page.url()).origin).toBe(web.app.url);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('logs in with the keyboard alone', async () => {
    const { page } = await web.open();
    await page.goto('/connexion');
    // The e-mail field has the focus when the page opens.
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(member.password);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Se connecter');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Mot de passe oublié ?');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    // After the navigation the focus is on the new page's heading (screen readers read it)...
    expect(await focusedText(page)).toBe("Fil d'actualité");
    // ...and on a fresh load of a page of the shell, the first Tab reaches the skip link, which
    // takes the focus to the content.
    await page.reload();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('contenu');
  });

  it('keeps the session across a reload and on a deep link', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, member.email, member.password, '/messages');
    await page.goto('/groupes');
    await page.getByRole('heading', { level: 1, name: 'Groupes' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Groupes' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/groupes');
  });

  it('ends the session on logout: back to /connexion, the cookie and the access token stop working', async () => {
    const { page, context } = await web.open();
    const tokens: string[] = [];
    page.on('request', (request) => {
      const header = request.headers().authorization;
      if (header?.startsWith('Bearer ')) tokens.push(header.slice(7));
    });
    await loginThroughUi(page, member.email, member.password);
    await expectText(page.getByRole('button', { name: 'Mon compte' }), /Mon compte/);
    expect(tokens.length).toBeGreaterThan(0);
    const accessToken = tokens[tokens.length - 1];
    expect(errorCode(await web.app.gql('{ me { id } }', {}, accessToken))).toBeUndefined();

    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByRole('link', { name: 'Paramètres' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBeNull();

    expect(errorCode(await web.app.gql('{ me { id } }', {}, accessToken))).toBe('UNAUTHENTICATED');
    const cookies = await context.cookies(web.app.url + '/auth/refresh');
    expect(cookies.filter((cookie) => cookie.name === 'maillage_refresh')).toEqual([]);
    await page.goto('/groupes');
    await page.waitForURL((url) => url.pathname === '/connexion');
  });

  it('shows the French "page introuvable" for an unknown address', async () => {
    const { page } = await web.open();
    await page.goto('/cette-page-n-existe-pas');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
  });
});

async function expectText(locator: import('playwright-core').Locator, pattern: RegExp): Promise<void> {
  await locator.waitFor();
  expect(await locator.textContent()).toMatch(pattern);
}
