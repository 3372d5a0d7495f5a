import { federationId, invite, loginAdmin, newMember, Session } from '../support/fixtures';
import { webSpec } from '../support/web';

/** /invitation/:token (UI.md §2): a new account, or an existing account's password. */
describe('web: accepting an invitation', () => {
  const web = webSpec();
  let admin: Session;
  let federation: string;

  const memberships = async (token: string) => {
    const res = await web.app.gql<{ me: { displayName: string; memberships: { organization: { id: string } }[] } }>(
      '{ me { displayName memberships { organization { id } } } }',
      {},
      token,
    );
    return res.data!.me;
  };

  beforeAll(async () => {
    admin = await loginAdmin(web.app);
    federation = await federationId(web.app, admin.accessToken);
  });

  it('creates the account of a new person and opens the shell', async () => {
    const { page } = await web.open();
    const invitation = await invite(web.app, admin.accessToken, federation, 'nouvelle.benevole@club.test');
    await page.goto(`/invitation/${invitation.token}`);
    await page.getByLabel('Nom affiché').fill('Nadia Benali');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/au moins 12 caractères/);
    expect(await page.getByLabel('Nom affiché').inputValue()).toBe('Nadia Benali');

    await page.getByLabel('Mot de passe', { exact: true }).fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByText('Nadia Benali').waitFor();

    const session = await web.app.gql<{ login: { accessToken: string } }>(
      'mutation { login(email: "nouvelle.benevole@club.test", password: "un-mot-de-passe-solide") { accessToken } }',
    );
    const me = await memberships(session.data!.login.accessToken);
    expect(me.displayName).toBe('Nadia Benali');
    expect(me.memberships.map((m) => m.organization.id)).toContain(federation);
  });

  it("adds the invitation to an existing account only with that account's current password", async () => {
    const existing = await newMember(web.app, admin.accessToken, federation, 'MEMBER', 'Paul Renaud');
    const association = (
      await web.app.gql<{ createOrganization: { id: string } }>(
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Club de voile de Brest', kind: 'ASSOCIATION', parentId: federation } },
        admin.accessToken,
      )
    ).data!.createOrganization.id;
    const invitation = await invite(web.app, admin.accessToken, association, existing.email);

    const { page } = await web.open();
    await page.goto(`/invitation/${invitation.token}`);
    await page.getByText('Vous avez déjà un compte Maillage').waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Un compte existe déjà .* mot de passe actuel/);
    expect((await memberships(existing.accessToken)).memberships.map((m) => m.organization.id)).not.toContain(
      association,
    );

    await page.getByLabel('Mot de passe', { exact: true }).fill(existing.password);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    const me = await memberships(existing.accessToken);
    expect(me.displayName).toBe('Paul Renaud');
    expect(me.memberships.map((m) => m.organization.id)).toContain(association);
  });

  it('says what to do with an invitation that was already used', async () => {
    const invitation = await invite(web.app, admin.accessToken, federation, 'deja.utilisee@club.test');
    await web.app.gql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }', {
      input: { token: invitation.token, displayName: 'Déjà là', password: 'un-mot-de-passe-solide' },
    });
    const { page } = await web.open();
    await page.goto(`/invitation/${invitation.token}`);
    await page.getByLabel('Nom affiché').fill('Quelqu’un');
    await page.getByLabel('Mot de passe', { exact: true }).fill('un-autre-mot-de-passe');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/n'est plus valable.*Demandez-en une nouvelle/);
  });
});
