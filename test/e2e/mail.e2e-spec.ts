import { createGroup, addGroupMember } from '../support/group-fixtures';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { linksIn, ReceivedMail, startTestSmtp, TestSmtp } from '../support/smtp';
import { startServerProcess, ServerProcess } from '../support/server-process';
import { startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://maillage.example.org';

/** E-mail against a real SMTP server: links that work, no enumeration, digests, an outage, two instances. */
describe('e-mail (real SMTP)', () => {
  let smtp: TestSmtp;
  let app: TestApp;
  let admin: Session;
  let fed: string;
  // The second instance boots while the first tests run (they mostly wait on I/O).
  let secondInstance: Promise<ServerProcess>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    // Links name PUBLIC_URL (whichever instance sends); the spec follows their paths on this app.
    app = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Maillage <no-reply@maillage.test>',
      PUBLIC_URL: PUBLIC_URL,
    });
    admin = await loginAdmin(app);
    fed = await federationId(app, admin.accessToken);
    // A budget of its own: it boots beside the first tests, on a machine that may be busy.
    secondInstance = startServerProcess(app.env, { timeoutMs: 150_000 });
    secondInstance.catch(() => undefined);
  }, 90_000);

  afterAll(async () => {
    await (await secondInstance.catch(() => undefined))?.stop();
    await app?.close();
    await smtp?.stop();
  });

  /** Exactly one message to `address` satisfying `match`, once the queue is idle. */
  async function onlyMail(address: string, match: (mail: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
    const mail = await eventually(() => {
      const found = smtp.to(address).filter(match);
      expect(found).toHaveLength(1);
      return found[0];
    });
    await queueIdle();
    expect(smtp.to(address).filter(match)).toHaveLength(1);
    return mail;
  }

  async function queueIdle(): Promise<void> {
    await eventually(async () => {
      const [{ busy }] = await app.sql<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM jobs WHERE name LIKE 'mail.%' AND state IN ('queued', 'running')`,
      );
      expect(busy).toBe(0);
    });
  }

  async function runDigest(name: 'mail.daily-digest' | 'mail.weekly-digest'): Promise<void> {
    await app.sql(
      `WITH added AS (INSERT INTO jobs (name, payload, key) VALUES ($1, '{}', 'test:' || gen_random_uuid()) RETURNING 1)
       SELECT pg_notify('maillage_jobs', $1) FROM added`,
      [name],
    );
    await queueIdle();
  }

  const isReset = (mail: ReceivedMail) => mail.parsed.subject === 'Réinitialiser votre mot de passe Maillage';
  const isNotification = (mail: ReceivedMail) => /notifications? sur Maillage$/.test(mail.parsed.subject ?? '');

  function tokenOf(link: string, path: string): string {
    const url = new URL(link);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname.startsWith(path)).toBe(true);
    return decodeURIComponent(url.pathname.slice(path.length));
  }

  it('e-mails invitations with a working link, from the organisation, escaped; resendInvitation renews the link', async () => {
    const club = await createOrganization(app, admin.accessToken, {
      name: `Club "L'Étoile" <Arles>`,
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    const address = 'zoé.dupont+club@exemple.test';
    const invited = await app.gql<{ inviteMember: { id: string; token: string } }>(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id token } }`,
      { input: { organizationId: club, email: address, role: 'MEMBER' } },
      admin.accessToken,
    );
    expect(invited.errors).toBeUndefined();
    const first = await onlyMail(address);
    // The organisation in the sender's name, quotes intact; nothing of it in the subject.
    expect(first.parsed.from?.value[0]).toEqual({
      name: `Club "L'Étoile" <Arles> · Maillage`,
      address: 'no-reply@maillage.test',
    });
    expect(first.parsed.subject).toBe('Votre invitation à rejoindre Maillage');
    expect(first.parsed.messageId).toMatch(/@maillage\.test>$/);
    expect(first.parsed.text).toContain(`« Club "L'Étoile" <Arles> »`);
    expect(first.parsed.html).toContain('Club &quot;L&#39;Étoile&quot; &lt;Arles&gt;');
    expect(first.parsed.html).not.toMatch(/<img|<script/i);
    const [link] = linksIn(first).filter((l) => l.includes('/invitation/'));
    expect(first.parsed.html).toContain(`href="${link}"`);
    const firstToken = tokenOf(link, '/invitation/');
    expect(firstToken).toBe(invited.data!.inviteMember.token);

    // Sent again: a new link, the old one dead; only the organisation's admins may.
    const member = await newMember(app, admin.accessToken, club);
    const refused = await app.gql(
      `mutation($id: ID!) { resendInvitation(id: $id) { id } }`,
      { id: invited.data!.inviteMember.id },
      member.accessToken,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const resent = await app.gql<{ resendInvitation: { token: string } }>(
      `mutation($id: ID!) { resendInvitation(id: $id) { token expiresAt } }`,
      { id: invited.data!.inviteMember.id },
      admin.accessToken,
    );
    expect(resent.errors).toBeUndefined();
    const second = await onlyMail(address, (mail) => mail !== first);
    const secondToken = tokenOf(
      linksIn(second).find((l) => l.includes('/invitation/'))!,
      '/invitation/',
    );
    expect(secondToken).toBe(resent.data!.resendInvitation.token);
    expect(secondToken).not.toBe(firstToken);

    const accept = (token: string) =>
      app.gql<{ acceptInvitation: { user: { id: string } } }>(
        `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }`,
        { input: { token, displayName: '<script>alert(1)</script> Zoé', password: 'un mot de passe assez long' } },
      );
    expect((await accept(firstToken)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await accept(secondToken)).errors).toBeUndefined();
    const closed = await app.gql(
      `mutation($id: ID!) { resendInvitation(id: $id) { id } }`,
      { id: invited.data!.inviteMember.id },
      admin.accessToken,
    );
    expect(closed.errors?.[0].extensions?.reason).toBe('INVITATION_CLOSED');
  });

  it('resets a password from the e-mailed link, without telling which addresses have an account', async () => {
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club du reset',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    const member = await newMember(app, admin.accessToken, club);
    const unknown = 'personne.inconnue@exemple.test';
    const ask = (email: string) =>
      app.gql<{ requestPasswordReset: boolean }>(`mutation($e: String!) { requestPasswordReset(email: $e) }`, {
        e: email,
      });
    const [known, other] = await Promise.all([ask(member.email.toUpperCase()), ask(unknown)]);
    expect(known.data).toEqual({ requestPasswordReset: true });
    expect(other.data).toEqual({ requestPasswordReset: true });
    // One e-mail each, same subject: an observer of the answer or of the mail count learns nothing.
    const resetMail = await onlyMail(member.email, isReset);
    const noAccount = await onlyMail(unknown);
    expect(resetMail.parsed.subject).toBe(noAccount.parsed.subject);
    expect(linksIn(noAccount).some((l) => l.includes('/reinitialiser/'))).toBe(false);
    expect(resetMail.parsed.text).toContain('une heure');
    const token = tokenOf(
      linksIn(resetMail).find((l) => l.includes('/reinitialiser/'))!,
      '/reinitialiser/',
    );

    const reset = (t: string, newPassword: string) =>
      app.gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`, {
        t,
        p: newPassword,
      });
    const weak = await reset(token, 'court');
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['newPassword'] });
    const wrong = await reset('pas-un-vrai-jeton', 'un nouveau mot de passe solide');
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['token'],
      reason: 'RESET_TOKEN_INVALID',
    });
    expect((await reset(token, 'un nouveau mot de passe solide')).data).toEqual({ resetPassword: true });
    // Used once only; every session ended; the new password works; a "changed" e-mail follows.
    expect((await reset(token, 'encore un autre mot de passe')).errors?.[0].extensions?.reason).toBe(
      'RESET_TOKEN_INVALID',
    );
    const me = await app.gql(`{ me { id } }`, {}, member.accessToken);
    expect(me.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await login(app, member.email, 'un nouveau mot de passe solide');
    const changed = await onlyMail(
      member.email,
      (mail) => mail.parsed.subject === 'Votre mot de passe Maillage a été modifié',
    );
    expect(changed.parsed.text).toContain('réinitialisé');
    expect(changed.parsed.from?.value[0].name).toBe('Club du reset · Maillage');

    // An expired link is refused like an unknown one.
    await ask(member.email);
    const second = await onlyMail(member.email, (mail) => isReset(mail) && mail !== resetMail);
    await app.sql(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const late = tokenOf(
      linksIn(second).find((l) => l.includes('/reinitialiser/'))!,
      '/reinitialiser/',
    );
    expect((await reset(late, 'un nouveau mot de passe solide 2')).errors?.[0].extensions?.reason).toBe(
      'RESET_TOKEN_INVALID',
    );
  });

  it('sends digests of what is still unread and readable, honours unsubscribe, and immediate e-mails', async () => {
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club des digests',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    const lea = await newMember(app, admin.accessToken, club, 'MEMBER', 'Léa Martin');
    const bob = await newMember(app, admin.accessToken, club, 'MEMBER', 'Bob Durand');
    const carl = await newMember(app, admin.accessToken, club, 'MEMBER', 'Carl Petit');
    const open = await createGroup(app, admin.accessToken, {
      organizationId: club,
      name: 'Entraide',
      visibility: 'PUBLIC',
    });
    const secret = await createGroup(app, admin.accessToken, {
      organizationId: club,
      name: 'Bureau',
      visibility: 'PRIVATE',
    });
    for (const person of [lea, bob, carl]) await addGroupMember(app, admin.accessToken, open, person.userId);
    for (const person of [lea, bob]) await addGroupMember(app, admin.accessToken, secret, person.userId);

    const ask = async (who: Session, groupId: string, title: string) => {
      const res = await app.gql<{ askQuestion: { id: string } }>(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        { input: { groupId, title, body: 'Merci de votre aide.' } },
        who.accessToken,
      );
      return res.data!.askQuestion.id;
    };
    const answer = async (who: Session, questionId: string) => {
      const res = await app.gql(
        `mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`,
        { input: { questionId, body: 'Voici une réponse.' } },
        who.accessToken,
      );
      expect(res.errors).toBeUndefined();
    };
    const q1 = await ask(lea, open, 'Comment <script>alert(1)</script> organiser la buvette ?');
    const q2 = await ask(lea, secret, 'Budget confidentiel du bureau');
    await answer(bob, q1);
    await answer(carl, q1);
    await answer(bob, q2);
    // Léa leaves the private group: its answer must not reach her by e-mail any more.
    expect(
      (await app.gql(`mutation($g: ID!) { leaveGroup(groupId: $g) }`, { g: secret }, lea.accessToken)).errors,
    ).toBeUndefined();
    // Bob's question is answered, and he reads it before the digest.
    const q3 = await ask(bob, open, 'Question de Bob');
    await answer(carl, q3);
    expect((await app.gql(`mutation { markNotificationsRead }`, {}, bob.accessToken)).errors).toBeUndefined();

    await runDigest('mail.daily-digest');
    const digest = await onlyMail(lea.email, isNotification);
    expect(digest.parsed.subject).toBe('Vous avez 2 nouvelles notifications sur Maillage');
    expect(digest.parsed.text).toContain('Votre résumé du jour');
    expect(digest.parsed.text).not.toContain('Budget confidentiel');
    expect(digest.parsed.html).not.toContain('Budget confidentiel');
    expect(digest.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(digest.parsed.html).not.toContain('<script>');
    expect(linksIn(digest)).toContain(`${PUBLIC_URL}/questions/${q1}`);
    expect(smtp.to(bob.email).filter(isNotification)).toHaveLength(0);

    // RFC 8058 one-click unsubscribe, without logging in.
    const header = (name: string) =>
      digest.parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, '');
    const unsubscribe = header('list-unsubscribe')!;
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const unsubscribeUrl = new URL(/<([^>]+)>/.exec(unsubscribe)![1]);
    const local = `${app.url}${unsubscribeUrl.pathname}`;
    const forged = await fetch(
      local.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { method: 'POST' },
    );
    expect(forged.status).toBe(404);
    const confirm = await fetch(local);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Me désabonner');
    const done = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const settings = await app.gql<{ notificationSettings: { emailFrequency: string } }>(
      `{ notificationSettings { emailFrequency mutedTypes } }`,
      {},
      lea.accessToken,
    );
    expect(settings.data?.notificationSettings.emailFrequency).toBe('NEVER');
    await answer(carl, q1);
    await runDigest('mail.daily-digest');
    expect(smtp.to(lea.email).filter(isNotification)).toHaveLength(1);

    // Immediate, with a muted kind: answers arrive at once; comments never by e-mail.
    const update = await app.gql(
      `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { emailFrequency mutedTypes } }`,
      { input: { emailFrequency: 'IMMEDIATE', mutedTypes: ['NEW_COMMENT'] } },
      carl.accessToken,
    );
    expect(update.data).toEqual({
      updateNotificationSettings: { emailFrequency: 'IMMEDIATE', mutedTypes: ['NEW_COMMENT'] },
    });
    const q4 = await ask(carl, open, 'Question de Carl');
    await answer(bob, q4);
    const immediate = await onlyMail(carl.email, isNotification);
    expect(immediate.parsed.subject).toBe('Vous avez 1 nouvelle notification sur Maillage');
    expect(immediate.parsed.text).toContain('Question de Carl');
  });

  it('loses nothing while SMTP is down, and sends each e-mail once with two instances', async () => {
    const second = await secondInstance;
    await smtp.stop();
    const addresses = Array.from({ length: 12 }, (_, i) => `panne.${i}@exemple.test`);
    for (const email of addresses)
      await app.gql(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: email });
    // Tried, refused, waiting for a retry; operators see them.
    await eventually(async () => {
      const [{ tried }] = await app.sql<{ tried: number }>(
        `SELECT count(*)::int AS tried FROM jobs WHERE name = 'mail.send' AND state = 'queued' AND attempts > 0`,
      );
      expect(tried).toBeGreaterThan(0);
    });
    // One reaches its last attempt: failed, counted for operators, its message kept.
    await app.sql(
      `UPDATE jobs SET attempts = 19, run_at = now()
        WHERE id = (SELECT id FROM jobs WHERE name = 'mail.send' AND state = 'queued' ORDER BY id LIMIT 1)`,
    );
    await eventually(async () => {
      const ready = (await (await fetch(`${app.url}/health/ready`)).json()) as {
        details: { mail: { transport: string; waiting: number; failed: number } };
      };
      expect(ready.details.mail).toMatchObject({ transport: 'smtp', failed: 1 });
      expect(ready.details.mail.waiting).toBeGreaterThan(0);
    });
    await smtp.start();
    // `cli jobs:retry mail.send` (the same statement), and the retries that lie ahead made due now.
    await app.sql(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL
        WHERE name = 'mail.send' AND state = 'failed'`,
    );
    await app.sql(`UPDATE jobs SET run_at = now() WHERE name = 'mail.send' AND state = 'queued'`);
    await eventually(() => expect(addresses.every((a) => smtp.to(a).length > 0)).toBe(true), { timeoutMs: 60_000 });
    await queueIdle();
    for (const email of addresses) expect(smtp.to(email)).toHaveLength(1);

    // Both instances up and working the queue: still once each.
    const more = Array.from({ length: 20 }, (_, i) => `double.${i}@exemple.test`);
    await Promise.all(
      more.map((email, i) =>
        fetch(`${i % 2 ? second.url : app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `mutation($e: String!) { requestPasswordReset(email: $e) }`,
            variables: { e: email },
          }),
        }),
      ),
    );
    await eventually(() => expect(more.every((a) => smtp.to(a).length > 0)).toBe(true));
    await queueIdle();
    for (const email of more) expect(smtp.to(email)).toHaveLength(1);
  }, 180_000);
});
