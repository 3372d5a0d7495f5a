import { useLingui } from '@lingui/react/macro';
import { useCallback } from 'react';

export interface NotificationLike {
  type: string;
  subjectId?: string | null;
  text: string;
  actor?: { displayName: string } | null;
  /** The question an accepted answer belongs to, when the server says. */
  questionId?: string | null;
}

/** The name between « » in the server's sentence (a question's title, a group's name), if any. */
function quoted(text: string): string | undefined {
  return /«\s*(.+?)\s*»/.exec(text)?.[1];
}

/** One French sentence per kind of notification, naming who did it; the server's own sentence otherwise. */
export function useNotificationSentence() {
  const { t } = useLingui();
  return useCallback(
    (n: NotificationLike): string => {
      const actor = n.actor?.displayName ?? t`Un ancien membre`;
      const name = quoted(n.text);
      switch (n.type) {
        case 'NEW_COMMENT':
          return t`${actor} a commenté votre publication`;
        case 'NEW_ANSWER':
          return name ? t`${actor} a répondu à votre question « ${name} »` : t`${actor} a répondu à votre question`;
        case 'ANSWER_ACCEPTED':
          return name ? t`${actor} a accepté votre réponse à « ${name} »` : t`${actor} a accepté votre réponse`;
        case 'JOIN_REQUEST':
          return name
            ? t`${actor} demande à rejoindre le groupe « ${name} »`
            : t`${actor} demande à rejoindre un de vos groupes`;
        case 'JOIN_APPROVED':
          return name
            ? t`${actor} a accepté votre demande : vous faites partie du groupe « ${name} »`
            : t`${actor} a accepté votre demande pour rejoindre le groupe`;
        case 'ANNOUNCEMENT':
          return name ? t`Nouvelle annonce de « ${name} »` : t`Nouvelle annonce`;
        default:
          return n.text;
      }
    },
    [t],
  );
}

/** Where a notification leads: its subject's page, or nothing when there is none to open. */
export function notificationPath(n: NotificationLike): string | undefined {
  const id = n.subjectId;
  if (!id) return undefined;
  switch (n.type) {
    case 'NEW_COMMENT':
      return `/publications/${id}`;
    case 'NEW_ANSWER':
      return `/questions/${id}`;
    case 'ANSWER_ACCEPTED':
      return n.questionId ? `/questions/${n.questionId}` : undefined;
    case 'JOIN_REQUEST':
      return `/groupes/${id}/membres`;
    case 'JOIN_APPROVED':
      return `/groupes/${id}`;
    case 'NEW_MESSAGE':
      return `/messages/${id}`;
    case 'ANNOUNCEMENT':
      return `/annonces/${id}`;
    default:
      return undefined;
  }
}
