import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addGroupMember, createGroup } from '../support/group-fixtures';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

const SHOTS = process.env.EVENTS_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Events in the browser: a member creates one in the group's tab (Paris time), another person
 * answers it on a phone and sees the places left change; the month view and the personal calendar
 * link in the settings; axe on each screen.
 */
describe('web: events', () => {
  const web = webSpec();
  let organiser: Session;
  let guest: Session;
  let groupId: string;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    const federation = await federationId(web.app, admin.accessToken);
    [organiser, guest] = await Promise.all([
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Odile Organisatrice'),
      newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Gaston Invité'),
    ]);
    groupId = await createGroup(web.app, organiser.accessToken, {
      organizationId: federation,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
    await addGroupMember(web.app, organiser.accessToken, groupId, guest.userId);
  });

  it('creates an event in a group; another person answers it and sees the places left change', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, organiser.email, organiser.password, `/groupes/${groupId}/evenements`);
    await page.getByRole('heading', { name: 'Événements du groupe' }).waitFor();
    await page.getByRole('button', { name: 'Créer un événement' }).click();
    await page.getByLabel('Titre').fill('Assemblée générale');
    await page.getByLabel('Description').fill('Ordre du jour : rapport moral, budget, élections.');
    await page.getByLabel('Début').fill('2027-06-12T14:30');
    await page.getByLabel('Fin').fill('2027-06-12T17:00');
    await page.getByLabel('Lieu').fill('Salle des fêtes');
    await page.getByLabel('Lien en ligne').fill('https://visio.example.org/ag');
    await page.getByLabel('Nombre de places').fill('2');
    await expectAccessible(page, 'group events tab, create form');
    await shot(page, 'create-form');
    await page.getByRole('button', { name: 'Créer un événement' }).click();

    await page.getByRole('heading', { level: 1, name: 'Assemblée générale' }).waitFor();
    const eventUrl = page.url();
    expect(eventUrl).toMatch(/\/evenements\/[0-9a-f-]{36}$/);
    // 14:30 in Paris in June (summer time), whatever the season it was typed in.
    await page.getByText('samedi 12 juin 2027, 14:30 – 17:00').waitFor();
    await page.getByText('2 places restantes').waitFor();
    await expect(page.getByRole('button', { name: 'Ajouter à mon agenda' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: "Annuler l'événement" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'event page (organiser)');
    await shot(page, 'event-organiser');

    const phone = await web.open({ viewport: { width: 360, height: 740 } });
    await loginThroughUi(phone.page, guest.email, guest.password, new URL(eventUrl).pathname);
    await phone.page.getByRole('heading', { level: 1, name: 'Assemblée générale' }).waitFor();
    await phone.page.getByText('2 places restantes').waitFor();
    await phone.page.getByRole('button', { name: 'Je participe' }).click();
    await phone.page.getByText('Inscrit : vous participez.').waitFor();
    await phone.page.getByText('1 place restante').waitFor();
    await phone.page.getByRole('list', { name: 'Inscrits' }).getByRole('link', { name: 'Gaston Invité' }).waitFor();
    expect(await phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await expectAccessible(phone.page, 'event page (guest, phone)');
    await shot(phone.page, 'event-guest-phone');

    await page.reload();
    await page.getByText('1 place restante').waitFor();
    await phone.page.getByRole('button', { name: 'Je ne participe plus' }).click();
    await phone.page.getByText('Vous ne participez pas.').waitFor();
    await phone.page.getByText('2 places restantes').waitFor();
  });

  it('shows the month view, "Mes événements" and the personal calendar link', async () => {
    const { page } = await web.open();
    await loginThroughUi(page, guest.email, guest.password, `/groupes/${groupId}/evenements`);
    await page.getByRole('link', { name: 'Assemblée générale' }).waitFor();
    await page.getByRole('button', { name: 'Vue du mois' }).click();
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'group events, month view');
    await shot(page, 'month-view');

    await page.goto('/evenements');
    await page.getByRole('heading', { level: 1, name: 'Mes événements' }).waitFor();
    await page.getByRole('link', { name: 'Assemblée générale' }).waitFor();
    await expectAccessible(page, 'my events');

    await page.goto('/parametres');
    const link = page.getByLabel('Lien de mon agenda');
    const before = await eventually(async () => {
      const value = await link.inputValue();
      expect(value).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      return value;
    });
    await page.getByRole('button', { name: 'Réinitialiser le lien' }).click();
    await page.getByText("Nouveau lien créé : l'ancien ne fonctionne plus.").waitFor();
    await eventually(async () => {
      const after = await link.inputValue();
      expect(after).toMatch(/\/calendar\//);
      expect(after).not.toBe(before);
    });
    await expectAccessible(page, 'settings with the calendar link');
    await shot(page, 'settings-calendar');
  });
});
