import { escapeHtml, invitationMail, notificationsMail } from './mail-templates';
import { parseSender } from './mail-sender';
import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe('mail templates', () => {
  it('escapes every value in the HTML part and keeps the text part literal', () => {
    const mail = invitationMail({
      organizationName: `Club "L'Étoile" <b>`,
      inviterName: '<script>alert(1)</script>',
      link: 'https://maillage.example.org/invitation/a"b',
      expiresAt: new Date('2026-12-17T15:00:00Z'),
    });
    expect(mail.subject).toBe('Votre invitation à rejoindre Maillage');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Club &quot;L&#39;Étoile&quot; &lt;b&gt;');
    expect(mail.html).toContain('href="https://maillage.example.org/invitation/a&quot;b"');
    expect(mail.html).not.toMatch(/<img|src=/i);
    expect(mail.text).toContain(`« Club "L'Étoile" <b> »`);
    expect(mail.text).toContain('17 décembre 2026 à 16:00');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('words a digest by its period and count, never with member content in the subject', () => {
    const items = [
      { text: 'Nouvelle réponse à votre question « Secret »', url: 'https://x/questions/1', when: new Date() },
    ];
    const one = notificationsMail({
      period: 'daily',
      items,
      notificationsUrl: 'n',
      settingsUrl: 's',
      unsubscribeUrl: 'u',
    });
    expect(one.subject).toBe('Vous avez 1 nouvelle notification sur Maillage');
    expect(one.text).toContain('Votre résumé du jour');
    const two = notificationsMail({
      period: 'weekly',
      items: [...items, ...items],
      notificationsUrl: 'n',
      settingsUrl: 's',
      unsubscribeUrl: 'u',
    });
    expect(two.subject).toBe('Vous avez 2 nouvelles notifications sur Maillage');
    expect(two.subject).not.toContain('Secret');
  });

  it('parses MAIL_FROM', () => {
    expect(parseSender('Maillage <no-reply@localhost>')).toEqual({ name: 'Maillage', address: 'no-reply@localhost' });
    expect(parseSender('"Fédé" <a@b.fr>')).toEqual({ name: 'Fédé', address: 'a@b.fr' });
    expect(parseSender('a@b.fr')).toEqual({ name: 'Maillage', address: 'a@b.fr' });
  });

  it('signs unsubscribe links: the right person only, a forged or altered token opens nothing', () => {
    const id = '6f1c1b8e-2a53-4d5e-9d61-0b7f3d2c9a10';
    const token = unsubscribeToken('secret-secret-secret-secret-secret', id);
    expect(verifyUnsubscribeToken('secret-secret-secret-secret-secret', token)).toBe(id);
    expect(verifyUnsubscribeToken('another-secret-another-secret-xx', token)).toBeUndefined();
    expect(verifyUnsubscribeToken('secret-secret-secret-secret-secret', `${id}.AAAA`)).toBeUndefined();
    expect(verifyUnsubscribeToken('secret-secret-secret-secret-secret', 'nonsense')).toBeUndefined();
  });
});
