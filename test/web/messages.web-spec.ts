import type { Route, WebSocketRoute } from 'playwright-core';
import { messagesPage, sendMessage, startConversation } from '../support/conversations';
import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, addGroupMember, createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const PHONE = { width: 360, height: 740 };

/** Messages (UI.md: /messages, /messages/:id) and notifications (/notifications), live, between people. */
describe('web: messages and notifications', () => {
  const web = webSpec();
  let federation: string;
  let lea: Session;
  let hugo: Session;
  let chloe: Session;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    federation = await federationId(web.app, admin.accessToken);
    [lea, hugo, chloe] = await Promise.all([
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Léa Fontaine'),
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Hugo Bernard'),
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Chloé Martin'),
    ]);
  });

  it('two people talk live: a new conversation, the unread count, typing, Enter to send, read receipts', async () => {
    const { page: leaPage } = await web.open();
    const { page: hugoPage } = await web.open({ viewport: PHONE, colorScheme: 'dark' });
    await loginThroughUi(leaPage, lea.email, lea.password, '/messages');
    await leaPage.getByText("Aucune conversation pour l'instant.").waitFor();
    await expectAccessible(leaPage, '/messages (empty)');
    await loginThroughUi(hugoPage, hugo.email, hugo.password, '/messages');
    await hugoPage.getByText("Aucune conversation pour l'instant.").waitFor();

    // Léa writes to Hugo, found by name in the directory.
    await leaPage.getByRole('button', { name: 'Nouvelle conversation' }).click();
    const dialog = leaPage.getByRole('dialog', { name: 'Nouvelle conversation' });
    await dialog.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('hugo');
    await dialog.getByRole('checkbox', { name: /Hugo Bernard/ }).check();
    await dialog.getByRole('button', { name: 'Écrire' }).click();
    await leaPage.getByRole('heading', { level: 1, name: 'Hugo Bernard' }).waitFor();
    const conversationUrl = leaPage.url();
    expect(new URL(conversationUrl).pathname).toMatch(/^\/messages\/[0-9a-f-]{36}$/);
    const leaField = leaPage.getByRole('textbox', { name: 'Message' });
    await leaField.fill('Bonjour Hugo, as-tu le budget prévisionnel ?');
    await leaField.press('Enter');
    await leaPage.getByText('Bonjour Hugo, as-tu le budget prévisionnel ?').waitFor();
    await expect(leaField.inputValue()).resolves.toBe('');

    // Hugo's list shows it without a reload, with its unread count.
    const item = hugoPage.getByRole('link', { name: /Léa Fontaine/ });
    await item.getByText('Bonjour Hugo, as-tu le budget prévisionnel ?').waitFor();
    await item.getByText('1', { exact: true }).waitFor();
    await expectAccessible(hugoPage, '/messages (phone, dark)');
    await item.click();
    await hugoPage.getByRole('heading', { level: 1, name: 'Léa Fontaine' }).waitFor();
    await hugoPage.getByText('Bonjour Hugo, as-tu le budget prévisionnel ?').waitFor();
    await hugoPage.getByText('en ligne', { exact: true }).waitFor(); // Léa was online before Hugo came

    // Hugo read it: Léa sees "Vu". Hugo types: Léa sees it, then his two-line message.
    await leaPage.getByText('Vu', { exact: true }).waitFor();
    const hugoField = hugoPage.getByRole('textbox', { name: 'Message' });
    await hugoField.pressSequentially('Oui, je');
    await leaPage.getByText('Hugo Bernard écrit…').waitFor();
    await hugoField.press('Shift+Enter');
    await hugoField.pressSequentially('te l’envoie ce soir.');
    await hugoField.press('Enter');
    await leaPage.getByText(/^Oui, je\s+te l’envoie ce soir\.$/).waitFor();
    await leaPage.getByText('Hugo Bernard écrit…').waitFor({ state: 'detached' });
    await expectAccessible(leaPage, '/messages/:id');
    await expectAccessible(hugoPage, '/messages/:id (phone, dark)');
    expect(await hugoPage.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // Léa read Hugo's reply: back in her list, no unread count; writing to Hugo again opens the same conversation.
    await leaPage.getByRole('link', { name: 'Retour aux conversations' }).click();
    const leaItem = leaPage.getByRole('link', { name: /Hugo Bernard/ });
    await leaItem.getByText(/te l’envoie ce soir/).waitFor();
    await expect(leaItem.getByText('1', { exact: true }).count()).resolves.toBe(0);
    await leaPage.getByRole('button', { name: 'Nouvelle conversation' }).click();
    await dialog.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('Bernard');
    await dialog.getByRole('checkbox', { name: /Hugo Bernard/ }).check();
    await dialog.getByRole('button', { name: 'Écrire' }).click();
    await leaPage.waitForURL(conversationUrl);
    await leaPage.getByText(/^Oui, je\s+te l’envoie ce soir\.$/).waitFor();
    // After a reload, "Vu" comes from the read positions the server keeps.
    await leaPage.reload();
    await leaPage.getByText('Vu', { exact: true }).waitFor();
  });

  it('a failed send is retried with the same clientId (one message); after a disconnect, what was sent meanwhile arrives once', async () => {
    const conversation = await startConversation(web.app, lea.accessToken, [chloe.userId]);
    // A history longer than a page (30), from both sides.
    for (let n = 1; n <= 32; n++)
      await sendMessage(web.app, (n % 2 ? chloe : lea).accessToken, conversation.id, `Échange n°${n}`);
    const { page } = await web.open();
    // Socket.io starts with HTTP long-polling, then upgrades to a WebSocket (the page's "5" packet).
    // While `loseAcks` holds, the server's answer to a send is replaced by a refusal and its broadcast
    // back to this page is dropped: the message is stored, but this page believes it failed.
    const upgraded: WebSocketRoute[] = [];
    const sends = new Set<string>();
    let loseAcks = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const send = typeof message === 'string' ? /^42(\d+)\["message:send"/.exec(message) : null;
        if (send) sends.add(send[1]);
        server.send(message);
        if (message === '5') upgraded.push(ws);
      });
      server.onMessage((message) => {
        if (loseAcks && typeof message === 'string') {
          const ack = /^43(\d+)\[/.exec(message);
          if (ack && sends.has(ack[1]))
            return ws.send(
              `43${ack[1]}[{"ok":false,"error":{"code":"SERVICE_UNAVAILABLE","reason":"TEST","message":"lost"}}]`,
            );
          if (message.startsWith('42["message:new"')) return;
        }
        ws.send(message);
      });
    });
    await loginThroughUi(page, lea.email, lea.password, `/messages/${conversation.id}`);
    await page.getByRole('heading', { level: 1, name: 'Chloé Martin' }).waitFor();
    await eventually(() => expect(upgraded.length).toBeGreaterThan(0), { timeoutMs: 10_000 });

    // The latest page first; older messages above, on demand.
    await page.getByText('Échange n°32', { exact: true }).waitFor();
    await expect(page.getByText('Échange n°2', { exact: true }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Messages précédents' }).click();
    await page.getByText('Échange n°1', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Messages précédents' }).waitFor({ state: 'detached' });
    await expect(page.getByText('Échange n°3', { exact: true }).count()).resolves.toBe(1);

    // Chloé comes online.
    const { page: chloePage } = await web.open({ viewport: PHONE });
    await loginThroughUi(chloePage, chloe.email, chloe.password, `/messages/${conversation.id}`);
    await page.getByText('en ligne', { exact: true }).waitFor();

    const field = page.getByRole('textbox', { name: 'Message' });
    loseAcks = true;
    await field.fill('Le virement de la cotisation est parti.');
    await field.press('Enter');
    await page.getByText("Échec de l'envoi").waitFor();
    loseAcks = false;
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByRole('button', { name: 'Réessayer' }).waitFor({ state: 'detached' });
    await chloePage.getByText('Le virement de la cotisation est parti.').waitFor();
    await expect(page.getByText('Le virement de la cotisation est parti.').count()).resolves.toBe(1);
    await expect(chloePage.getByText('Le virement de la cotisation est parti.').count()).resolves.toBe(1);
    const stored = await messagesPage(web.app, lea.accessToken, conversation.id);
    expect(stored.edges.filter((e) => e.node.body === 'Le virement de la cotisation est parti.')).toHaveLength(1);

    // The network goes away (the socket closes; reconnection attempts hang, unanswered); Chloé writes
    // twice meanwhile; the network comes back (the attempts go through).
    let offline = true;
    const held: Route[] = [];
    await page.route(/\/socket\.io\//, (route) => (offline ? void held.push(route) : route.continue()));
    await upgraded[upgraded.length - 1].close();
    await page.getByRole('status').filter({ hasText: 'Reconnexion…' }).waitFor();
    await sendMessage(web.app, chloe.accessToken, conversation.id, 'Bien reçu, merci !');
    await sendMessage(web.app, chloe.accessToken, conversation.id, 'Je pointe le relevé demain.');
    offline = false;
    await Promise.all(held.splice(0).map((route) => route.continue()));
    await page.getByRole('status').filter({ hasText: 'Reconnexion…' }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText('Je pointe le relevé demain.').waitFor();
    await expect(page.getByText('Bien reçu, merci !').count()).resolves.toBe(1);
    await expect(page.getByText('Je pointe le relevé demain.').count()).resolves.toBe(1);
    await expect(page.getByText('Le virement de la cotisation est parti.').count()).resolves.toBe(1);
  });

  it('notifications arrive live, lead to their subject and clear the count; an outsider gets none', async () => {
    const groupId = await createGroup(web.app, lea.accessToken, {
      organizationId: federation,
      name: 'Bureau régional',
      visibility: 'PRIVATE',
    });
    await addGroupMember(web.app, lea.accessToken, groupId, chloe.userId);
    const { page } = await web.open({ viewport: PHONE });
    await loginThroughUi(page, lea.email, lea.password, '/notifications');
    await page.getByText("Aucune notification pour l'instant.").waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    // Hugo, outside the private group, asks to join: Léa, its owner, is told at once.
    await joinGroup(web.app, hugo.accessToken, groupId);
    await nav.getByRole('link', { name: 'Notifications (1)' }).waitFor();
    const request = page.getByRole('link', { name: /Hugo Bernard demande à rejoindre le groupe « Bureau régional »/ });
    await request.waitFor();
    await expectAccessible(page, '/notifications');
    await request.click();
    await page.waitForURL((url) => url.pathname === `/groupes/${groupId}/membres`);
    await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    // Chloé comments on Léa's post: live again; "Tout marquer comme lu" clears it.
    await nav.getByRole('link', { name: 'Notifications', exact: true }).click();
    await page.getByRole('link', { name: /Hugo Bernard demande/ }).waitFor();
    const postId = await createPost(web.app, lea.accessToken, groupId, 'Ordre du jour de la réunion de bureau');
    await addComment(web.app, chloe.accessToken, postId, 'J’ajoute le point sur les licences.');
    await page.getByRole('link', { name: /Chloé Martin a commenté votre publication/ }).waitFor();
    await nav.getByRole('link', { name: 'Notifications (1)' }).waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await nav.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /Chloé Martin a commenté votre publication/ }).click();
    await page.waitForURL((url) => url.pathname === `/publications/${postId}`);
    await page.getByText('Ordre du jour de la réunion de bureau').first().waitFor();

    // Hugo, the outsider, was told nothing about the group's content.
    const { page: outsider } = await web.open();
    await loginThroughUi(outsider, hugo.email, hugo.password, '/notifications');
    await outsider.getByText("Aucune notification pour l'instant.").waitFor();
    await outsider
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Notifications', exact: true })
      .waitFor();
    const count = await web.app.gql<{ unreadNotificationCount: number }>(
      '{ unreadNotificationCount }',
      {},
      hugo.accessToken,
    );
    expect(count.data?.unreadNotificationCount).toBe(0);
  });
});
