import type { WebSocketRoute } from 'playwright-core';
import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, addGroupMember, createGroup, createPost } from '../support/group-fixtures';
import { expectAccessible, focusedText, loginThroughUi, webSpec } from '../support/web';

const SOME_ID = '6f1c1b8e-2a53-4d5e-9d61-0b7f3d2c9a10';

/** Every route of UI.md §2, as a logged-in person reaches it. */
const APP_ROUTES = [
  '/',
  '/groupes',
  `/groupes/${SOME_ID}`,
  `/questions/${SOME_ID}`,
  '/recherche?q=tr%C3%A9sorerie',
  '/messages',
  `/messages/${SOME_ID}`,
  '/annuaire',
  `/personnes/${SOME_ID}`,
  '/notifications',
  '/parametres',
  '/admin',
];
const PUBLIC_ROUTES = [
  '/connexion',
  '/invitation/un-jeton',
  '/mot-de-passe-oublie',
  '/reinitialiser/un-jeton',
  '/inconnue',
];

/** The logged-in frame of every page (UI.md §3): navigation, search, account, live count, phone layout. */
describe('web: the shell', () => {
  const web = webSpec();
  let member: Session;
  let neighbour: Session;
  let groupId: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    member = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Léa Fontaine');
    neighbour = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Hugo Bernard');
    groupId = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Trésoriers',
      visibility: 'PUBLIC',
    });
    await addGroupMember(web.app, admin.accessToken, groupId, member.userId);
    await addGroupMember(web.app, admin.accessToken, groupId, neighbour.userId);
  });

  it('passes axe (no serious or critical violation) on every route, logged out and logged in, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await web.open({ colorScheme });
      for (const path of PUBLIC_ROUTES) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectAccessible(page, `${path} (${colorScheme})`);
      }
      await loginThroughUi(page, member.email, member.password);
      for (const path of APP_ROUTES) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
        await expectAccessible(page, `${path} (${colorScheme})`);
      }
    }
  }, 180_000); // 17 routes x 2 colour schemes, each loaded and scanned by axe

  it('works on a 360-px phone: every navigation link visible at the bottom, nothing wider than the screen', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(page, member.email, member.password);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const name of ['Fil', 'Groupes', 'Messages', 'Annuaire', 'Notifications']) {
      const box = await nav.getByRole('link', { name, exact: true }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
      expect(box!.y).toBeGreaterThan(600);
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await expect(page.getByRole('search').getByRole('searchbox', { name: 'Rechercher' }).isVisible()).resolves.toBe(
      true,
    );
    await nav.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Messages' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await expect(page.getByRole('link', { name: 'Paramètres' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Se déconnecter' }).isVisible()).resolves.toBe(true);
  });

  it('opens the account menu from the keyboard and closes it with Escape', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, member.email, member.password);
    const account = page.getByRole('button', { name: 'Mon compte' });
    await account.focus();
    await page.keyboard.press('Enter');
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Paramètres');
    await page.keyboard.press('Escape');
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toContain('Mon compte');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/parametres');
  });

  it('searches from the search landmark: /recherche?q=', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, member.email, member.password);
    const field = page.getByRole('search').getByRole('searchbox', { name: 'Rechercher' });
    await field.fill('assurance des bénévoles');
    await field.press('Enter');
    await page.waitForURL((url) => url.pathname === '/recherche');
    expect(new URL(page.url()).searchParams.get('q')).toBe('assurance des bénévoles');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Recherche' }).waitFor();
    expect(await field.inputValue()).toBe('assurance des bénévoles');
  });

  it('shows the unread count in the Notifications link, live', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, member.email, member.password);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    const postId = await createPost(web.app, member.accessToken, groupId, 'Qui a le modèle de budget prévisionnel ?');
    await addComment(web.app, neighbour.accessToken, postId, 'Je vous l’envoie ce soir.');
    await nav.getByRole('link', { name: 'Notifications (1)' }).waitFor({ timeout: 10_000 });
    await addComment(web.app, neighbour.accessToken, postId, 'Et celui de l’an dernier aussi.');
    await nav.getByRole('link', { name: 'Notifications (2)' }).waitFor({ timeout: 10_000 });
  });

  it('says "Reconnexion…" while the live connection is lost, and clears it once back', async () => {
    const { page } = await web.open();
    // Socket.io starts with HTTP long-polling, then upgrades to a WebSocket: the page's "5" packet
    // completes the upgrade, after which closing the WebSocket is the network going away.
    const upgraded: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        server.send(message);
        if (message === '5') upgraded.push(ws);
      });
    });
    await loginThroughUi(page, member.email, member.password);
    await eventually(() => expect(upgraded.length).toBeGreaterThan(0), { timeoutMs: 10_000 });
    // The network goes away: the socket closes and reconnection attempts fail.
    await page.route(/\/socket\.io\//, (route) => route.abort('internetdisconnected'));
    await upgraded[upgraded.length - 1].close();
    await page.getByRole('status').filter({ hasText: 'Reconnexion…' }).waitFor();
    // The network is back.
    await page.unroute(/\/socket\.io\//);
    await page.getByRole('status').filter({ hasText: 'Reconnexion…' }).waitFor({ state: 'detached', timeout: 15_000 });
  });
});
