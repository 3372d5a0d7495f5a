import { eventually } from '../support/eventually';
import { federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { linksIn, startTestSmtp, TestSmtp } from '../support/smtp';
import { expectAccessible, loginThroughUi, webSpec } from '../support/web';

/** Forgot password → e-mail → link → new password → login; a dead link; e-mail preferences. */
describe('web: password reset and e-mail preferences', () => {
  const env: Record<string, string> = {};
  let smtp: TestSmtp;
  // Registered before webSpec's own hook: the app starts with SMTP_URL pointing here.
  beforeAll(async () => {
    smtp = await startTestSmtp();
    env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    await smtp?.stop();
  });
  const web = webSpec(env);
  let member: Session;

  beforeAll(async () => {
    const admin = await loginAdmin(web.app);
    member = await newMember(
      web.app,
      admin.accessToken,
      await federationId(web.app, admin.accessToken),
      'MEMBER',
      'Léa Fontaine',
    );
  });

  it('resets a forgotten password from the e-mailed link, on a phone', async () => {
    const { page } = await web.open({ viewport: { width: 360, height: 740 } });
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await expectAccessible(page, '/mot-de-passe-oublie');

    // Someone without an account sees the same answer (and that address gets a "no account" e-mail).
    await page.getByLabel('Adresse e-mail').fill('inconnu@exemple.test');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByRole('status').getByText("C'est envoyé").waitFor();
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByRole('status').getByText(member.email).waitFor();

    const mail = await eventually(() => {
      const [found] = smtp
        .to(member.email)
        .filter((m) => m.parsed.subject === 'Réinitialiser votre mot de passe Maillage');
      expect(found).toBeDefined();
      return found;
    });
    expect(smtp.to('inconnu@exemple.test')).toHaveLength(1);
    const link = new URL(linksIn(mail).find((l) => l.includes('/reinitialiser/'))!);
    await page.goto(link.pathname);
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    await expectAccessible(page, '/reinitialiser/:token');

    const field = page.getByLabel('Nouveau mot de passe');
    await field.fill('trop court');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('alert').getByText('au moins 12 caractères').waitFor();
    expect(await field.inputValue()).toBe('trop court');
    await field.fill('mon nouveau mot de passe');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: 'Mot de passe enregistré' }).waitFor();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await loginThroughUi(page, member.email, 'mon nouveau mot de passe', '/connexion');
    await eventually(() =>
      expect(smtp.to(member.email).map((m) => m.parsed.subject)).toContain('Votre mot de passe Maillage a été modifié'),
    );
  });

  it('says what to do with a dead link, and saves e-mail preferences (dark mode)', async () => {
    const { page } = await web.open({ colorScheme: 'dark' });
    await page.goto('/reinitialiser/un-lien-perime');
    await page.getByLabel('Nouveau mot de passe').fill('un mot de passe assez long');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('alert').getByText("Ce lien n'est plus valable").waitFor();
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
    await expectAccessible(page, '/reinitialiser/:token (dead link)');

    await loginThroughUi(page, member.email, 'mon nouveau mot de passe', '/parametres');
    const section = page.getByRole('region', { name: 'Notifications par e-mail' });
    await section.getByRole('radio', { name: /Un résumé par jour/ }).waitFor();
    expect(await section.getByRole('radio', { name: /Un résumé par jour/ }).isChecked()).toBe(true);
    await section.getByRole('radio', { name: /Un résumé par semaine/ }).check();
    await section.getByRole('checkbox', { name: 'Commentaires sur mes publications' }).uncheck();
    await section.getByRole('button', { name: 'Enregistrer les préférences' }).click();
    await section.getByRole('status').getByText('Préférences enregistrées.').waitFor();
    await expectAccessible(page, '/parametres (e-mail preferences)');

    const { accessToken } = await loginAs(member.email, 'mon nouveau mot de passe');
    const saved = await web.app.gql(`{ notificationSettings { emailFrequency mutedTypes } }`, {}, accessToken);
    expect(saved.data).toEqual({ notificationSettings: { emailFrequency: 'WEEKLY', mutedTypes: ['NEW_COMMENT'] } });
    await page.reload();
    expect(await section.getByRole('radio', { name: /Un résumé par semaine/ }).isChecked()).toBe(true);
  });

  async function loginAs(email: string, password: string) {
    const res = await web.app.gql<{ login: { accessToken: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      { e: email, p: password },
    );
    return res.data!.login;
  }
});
