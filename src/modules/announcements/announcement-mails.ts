import { Block, MailContent, render } from '../mail/mail-templates';

/**
 * The announcement itself, e-mailed. Unlike other e-mails its subject carries the announcement's
 * title: it is the organisation's own message to its members (written by an admin), and a subject
 * such as "Nouvelle annonce" would hide what every recipient needs to see in their inbox.
 */
export function announcementMail(input: {
  organizationName: string;
  title: string;
  body: string;
  url: string;
  requireAcknowledgement: boolean;
  settingsUrl: string;
}): MailContent {
  const paragraphs: Block[] = input.body
    .split(/\n{2,}/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'p', text }));
  return render(
    `${input.title.replace(/\s+/g, ' ').slice(0, 200)} – ${input.organizationName}`.slice(0, 250),
    input.title,
    [
      { kind: 'small', text: `Annonce de « ${input.organizationName} »` },
      ...paragraphs,
      input.requireAcknowledgement
        ? { kind: 'button', label: 'Confirmer que j’en ai pris connaissance', url: input.url }
        : { kind: 'button', label: "Voir l'annonce dans Maillage", url: input.url },
    ],
    [
      {
        kind: 'smallLink',
        text: 'Vous recevez cette annonce comme membre de cette association. Pour ne plus recevoir les annonces par e-mail (elles resteront dans Maillage) :',
        url: input.settingsUrl,
      },
    ],
  );
}

export type ReminderMilestone = 'ENDS_IN_30' | 'ENDS_IN_7' | 'LAPSED_7';

const dateOnly = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' });

/** A dues renewal reminder: fixed subject, the date, who to contact. */
export function renewalReminderMail(input: {
  milestone: ReminderMilestone;
  organizationName: string;
  paidUntil: string;
  url: string;
  settingsUrl: string;
}): MailContent {
  const until = dateOnly.format(new Date(`${input.paidUntil}T00:00:00Z`));
  const lapsed = input.milestone === 'LAPSED_7';
  const subject = lapsed ? 'Votre cotisation a expiré' : 'Votre cotisation arrive bientôt à échéance';
  const text = lapsed
    ? `Votre cotisation à « ${input.organizationName} » a pris fin le ${until}. Pour rester adhérent·e, pensez à la renouveler.`
    : `Votre cotisation à « ${input.organizationName} » prend fin le ${until}. Pensez à la renouveler.`;
  return render(
    subject,
    lapsed ? 'Cotisation expirée' : 'Cotisation à renouveler',
    [
      { kind: 'p', text },
      {
        kind: 'p',
        text: "Pour la renouveler, contactez votre association (le trésorier ou l'équipe d'accueil). Si c'est déjà fait, ignorez ce message.",
      },
      { kind: 'button', label: 'Ouvrir Maillage', url: input.url },
    ],
    [
      {
        kind: 'smallLink',
        text: 'Pour ne plus recevoir ces rappels :',
        url: input.settingsUrl,
      },
    ],
  );
}
