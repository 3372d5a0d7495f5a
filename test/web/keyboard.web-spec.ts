import type { Page } from 'playwright-core';
import { sendMessage, startConversation } from '../support/conversations';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addGroupMember, createGroup } from '../support/group-fixtures';
import { webSpec } from '../support/web';

/** The accessible name of the focused element, as far as these controls need: label, aria-label, text. */
function focusedName(page: Page): Promise<string> {
  // A string, as in test/support/web.ts: the specs are compiled without the DOM's types.
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el) return '';
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : null;
    return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
  })()`);
}

/** Presses Tab (or Shift+Tab) until the focus is on a control whose name matches, as a keyboard user does. */
async function tabTo(page: Page, name: string | RegExp, { backwards = false, max = 40 } = {}): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let i = 0; i < max; i++) {
    if (matches(await focusedName(page))) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`no control named ${String(name)} within ${max} presses of Tab`);
}

/** A keyboard-only pass (issue 11): post in the feed and send a message, without the mouse. */
describe('web: keyboard only', () => {
  const web = webSpec();
  let member: Session;
  let neighbour: Session;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    member = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Alice Lemaire');
    neighbour = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Bruno Caron');
    const groupId = await createGroup(web.app, admin.accessToken, {
      organizationId: federation,
      name: 'Vie des clubs',
      visibility: 'PUBLIC',
    });
    await addGroupMember(web.app, admin.accessToken, groupId, member.userId);
    const conversation = await startConversation(web.app, neighbour.accessToken, [member.userId]);
    await sendMessage(web.app, neighbour.accessToken, conversation.id, 'Tu viens samedi ?');
  });

  it('posts in the feed and answers a message with the keyboard alone', async () => {
    const { page } = await web.open();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(member.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: "Fil d'actualité" }).waitFor();

    // Post: from the page's heading to the composer, then to its button.
    await tabTo(page, 'Nouvelle publication');
    await page.keyboard.type('Réunion des trésoriers jeudi à 18 h, salle B.');
    await tabTo(page, 'Publier');
    await page.keyboard.press('Enter');
    await page.getByRole('article').filter({ hasText: 'Réunion des trésoriers jeudi à 18 h' }).waitFor();

    // Messages: back up to the main navigation, open the conversation, answer with Enter.
    await tabTo(page, 'Messages', { backwards: true, max: 60 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await tabTo(page, /Bruno Caron/);
    await page.keyboard.press('Enter');
    await page.getByText('Tu viens samedi ?').waitFor();
    await tabTo(page, 'Message');
    await page.keyboard.type('Oui, avec les clés du local.');
    await page.keyboard.press('Enter');
    await page.getByText('Oui, avec les clés du local.').waitFor();
    await page.getByText('envoi…').waitFor({ state: 'detached' });
  });
});
