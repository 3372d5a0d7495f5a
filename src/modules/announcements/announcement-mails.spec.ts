import { announcementMail, renewalReminderMail } from './announcement-mails';
import { parisToday } from './paris-today';

describe('announcement e-mails', () => {
  it('carries the announcement escaped, one paragraph per blank line, and the way to turn them off', () => {
    const mail = announcementMail({
      organizationName: 'Club <Lyon>',
      title: 'AG le 12 mars\n<b>important</b>',
      body: 'Bonjour,\n\nL’AG aura lieu <ici>.\n\n\nMerci.',
      url: 'https://maillage.example.org/annonces/1',
      requireAcknowledgement: true,
      settingsUrl: 'https://maillage.example.org/parametres',
    });
    expect(mail.subject).toBe('AG le 12 mars <b>important</b> – Club <Lyon>');
    expect(mail.html).not.toContain('<b>important');
    expect(mail.html).toContain('L’AG aura lieu &lt;ici&gt;.');
    expect(mail.html.match(/<p style="margin:0 0 16px">/g)?.length).toBeGreaterThanOrEqual(3);
    expect(mail.text).toContain('Confirmer que j’en ai pris connaissance :\nhttps://maillage.example.org/annonces/1');
    expect(mail.text).toContain('https://maillage.example.org/parametres');
  });

  it('words reminders by milestone, with the end date in French', () => {
    const soon = renewalReminderMail({
      milestone: 'ENDS_IN_7',
      organizationName: 'Club de Lyon',
      paidUntil: '2027-03-08',
      url: 'https://x/',
      settingsUrl: 'https://x/parametres',
    });
    expect(soon.subject).toBe('Votre cotisation arrive bientôt à échéance');
    expect(soon.text).toContain('prend fin le 8 mars 2027');
    const lapsed = renewalReminderMail({
      milestone: 'LAPSED_7',
      organizationName: 'Club de Lyon',
      paidUntil: '2027-02-22',
      url: 'https://x/',
      settingsUrl: 'https://x/parametres',
    });
    expect(lapsed.subject).toBe('Votre cotisation a expiré');
    expect(lapsed.text).toContain('a pris fin le 22 février 2027');
  });

  it('takes today in Paris (after 23:00 UTC in winter it is already tomorrow there)', () => {
    expect(parisToday(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
    expect(parisToday(new Date('2027-07-31T21:59:00Z'))).toBe('2027-07-31');
  });
});
