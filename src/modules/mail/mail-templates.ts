/**
 * The e-mails, in French: each one an HTML part and a plain-text part built from the same blocks.
 * No remote image, no tracking pixel, no script; every value is escaped in the HTML part. Subjects
 * are fixed sentences: nothing a member wrote (a question's title, a group's name) goes in them.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'items'; items: { text: string; url: string; when?: string }[] }
  | { kind: 'small'; text: string }
  | { kind: 'smallLink'; text: string; url: string };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});

export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

const STYLE = {
  body: 'margin:0;padding:0;background:#f4f4f5;color:#18181b;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5',
  card: 'max-width:560px;margin:0 auto;padding:24px 20px;background:#ffffff',
  brand: 'margin:0 0 16px;font-size:14px;font-weight:bold;color:#1d4ed8;letter-spacing:0.02em',
  h1: 'margin:0 0 16px;font-size:22px;line-height:1.3',
  p: 'margin:0 0 16px',
  button:
    'display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold',
  small: 'margin:24px 0 0;font-size:13px;color:#52525b',
  li: 'margin:0 0 12px',
  // Long links (tokens) wrap instead of widening the message on a phone.
  url: 'word-break:break-all',
};

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p style="${STYLE.p}">${escapeHtml(block.text)}</p>`;
    case 'small':
      return `<p style="${STYLE.small}">${escapeHtml(block.text)}</p>`;
    case 'smallLink':
      return `<p style="${STYLE.small}">${escapeHtml(block.text)} <a href="${escapeHtml(block.url)}" style="${STYLE.url}">${escapeHtml(block.url)}</a></p>`;
    case 'button':
      return (
        `<p style="${STYLE.p}"><a href="${escapeHtml(block.url)}" style="${STYLE.button}">${escapeHtml(block.label)}</a></p>` +
        `<p style="${STYLE.small}">Si le bouton ne marche pas, copiez ce lien dans votre navigateur :<br>` +
        `<a href="${escapeHtml(block.url)}" style="${STYLE.url}">${escapeHtml(block.url)}</a></p>`
      );
    case 'items':
      return `<ul style="padding-left:20px;margin:0 0 16px">${block.items
        .map(
          (item) =>
            `<li style="${STYLE.li}"><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` +
            (item.when ? `<br><span style="font-size:13px;color:#52525b">${escapeHtml(item.when)}</span>` : '') +
            '</li>',
        )
        .join('')}</ul>`;
  }
}

function textBlock(block: Block): string {
  switch (block.kind) {
    case 'p':
    case 'small':
      return block.text;
    case 'smallLink':
      return `${block.text}\n${block.url}`;
    case 'button':
      return `${block.label} :\n${block.url}`;
    case 'items':
      return block.items.map((item) => `- ${item.text}${item.when ? ` (${item.when})` : ''}\n  ${item.url}`).join('\n');
  }
}

export function render(subject: string, heading: string, blocks: Block[], footer: Block[] = []): MailContent {
  const all = [...blocks, ...footer];
  const html =
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="${STYLE.body}"><div style="${STYLE.card}">` +
    `<p style="${STYLE.brand}">Maillage</p><h1 style="${STYLE.h1}">${escapeHtml(heading)}</h1>` +
    all.map(htmlBlock).join('') +
    `</div></body></html>`;
  const text = [heading, '', ...all.map((block) => textBlock(block) + '\n'), '-- ', 'Maillage'].join('\n');
  return { subject, text, html };
}

export function invitationMail(input: {
  organizationName: string;
  inviterName: string | null;
  link: string;
  expiresAt: Date;
}): MailContent {
  const who = input.inviterName ? `${input.inviterName} vous invite` : 'Vous êtes invité·e';
  return render('Votre invitation à rejoindre Maillage', 'Vous êtes invité·e à rejoindre Maillage', [
    { kind: 'p', text: `${who} à rejoindre « ${input.organizationName} » sur Maillage, le réseau de la fédération.` },
    { kind: 'button', label: "Accepter l'invitation", url: input.link },
    {
      kind: 'small',
      text: `Ce lien est personnel et fonctionne une seule fois, jusqu'au ${formatDateTime(input.expiresAt)}. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.`,
    },
  ]);
}

export function passwordResetMail(input: { link: string }): MailContent {
  return render('Réinitialiser votre mot de passe Maillage', 'Choisir un nouveau mot de passe', [
    { kind: 'p', text: 'Vous avez demandé à réinitialiser le mot de passe de votre compte Maillage.' },
    { kind: 'button', label: 'Choisir un nouveau mot de passe', url: input.link },
    {
      kind: 'small',
      text: "Ce lien fonctionne une seule fois, pendant une heure. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
    },
  ]);
}

/** Sent when the address has no account: the same number of e-mails either way (no enumeration), and a useful answer. */
export function passwordResetNoAccountMail(input: { forgotLink: string }): MailContent {
  return render('Réinitialiser votre mot de passe Maillage', 'Aucun compte avec cette adresse', [
    {
      kind: 'p',
      text: "Quelqu'un (peut-être vous) a demandé à réinitialiser le mot de passe Maillage de cette adresse, mais aucun compte actif ne l'utilise.",
    },
    {
      kind: 'p',
      text: "Vous avez peut-être rejoint Maillage avec une autre adresse : refaites la demande avec celle-ci. Pour obtenir un compte, demandez une invitation à l'administrateur de votre association.",
    },
    { kind: 'button', label: 'Refaire une demande', url: input.forgotLink },
    { kind: 'small', text: "Si vous n'avez rien demandé, ignorez ce message." },
  ]);
}

export function passwordChangedMail(input: { when: Date; reset: boolean; forgotLink: string }): MailContent {
  return render('Votre mot de passe Maillage a été modifié', 'Mot de passe modifié', [
    {
      kind: 'p',
      text: `Le mot de passe de votre compte Maillage a été ${input.reset ? 'réinitialisé' : 'modifié'} le ${formatDateTime(input.when)}. Vos autres sessions ont été fermées.`,
    },
    {
      kind: 'p',
      text: "Si c'est vous, il n'y a rien à faire. Sinon, quelqu'un connaît peut-être votre mot de passe : choisissez-en un nouveau tout de suite.",
    },
    { kind: 'button', label: 'Choisir un nouveau mot de passe', url: input.forgotLink },
  ]);
}

export type DigestPeriod = 'immediate' | 'daily' | 'weekly';

export function notificationsMail(input: {
  period: DigestPeriod;
  items: { text: string; url: string; when: Date }[];
  notificationsUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}): MailContent {
  const count = input.items.length;
  const subject =
    count === 1
      ? 'Vous avez 1 nouvelle notification sur Maillage'
      : `Vous avez ${count} nouvelles notifications sur Maillage`;
  const heading =
    input.period === 'daily'
      ? 'Votre résumé du jour'
      : input.period === 'weekly'
        ? 'Votre résumé de la semaine'
        : count === 1
          ? 'Une nouvelle notification'
          : 'De nouvelles notifications';
  return render(
    subject,
    heading,
    [
      { kind: 'p', text: count === 1 ? 'Ceci vous attend sur Maillage :' : 'Voici ce qui vous attend sur Maillage :' },
      {
        kind: 'items',
        items: input.items.map((item) => ({ text: item.text, url: item.url, when: formatDateTime(item.when) })),
      },
      { kind: 'button', label: 'Voir mes notifications', url: input.notificationsUrl },
    ],
    [
      {
        kind: 'smallLink',
        text: "Vous recevez ce message selon vos préférences d'e-mail. Pour les changer :",
        url: input.settingsUrl,
      },
      { kind: 'smallLink', text: 'Pour ne plus recevoir ces e-mails, en un clic :', url: input.unsubscribeUrl },
    ],
  );
}
