import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { i18n } from '@lingui/core';
import type { AppErrorInfo } from './app-error-info';

/**
 * Messages for `extensions.reason` values, when the server gives one: more precise than the code.
 * Feature folders add their reasons here (one line each), in French, saying what to do.
 */
export const reasonMessages: Record<string, MessageDescriptor> = {
  LAST_FEDERATION_ADMIN: msg`La fédération doit garder au moins un administrateur actif : nommez d'abord une autre personne administratrice.`,
  NOT_ACCOUNT_AUTHORITY: msg`Cette personne appartient aussi à une organisation que vous n'administrez pas : demandez à un administrateur de la fédération de le faire.`,
  NOT_ORGANIZATION_ADMIN: msg`Seuls les administrateurs de cette organisation (ou d'une organisation au-dessus) peuvent faire cela.`,
  ALREADY_MEMBER: msg`Cette personne fait déjà partie de l'organisation : inutile de l'inviter, changez plutôt son rôle dans la liste des membres.`,
  INVITATION_ALREADY_ACCEPTED: msg`Cette invitation a déjà été acceptée : elle ne peut plus être annulée. Retirez la personne des membres si besoin.`,
  MEMBERSHIP_NOT_FOUND: msg`Cette personne ne fait plus partie de l'organisation. Rechargez la page pour voir la liste à jour.`,
  INVITATION_NOT_FOUND: msg`Cette invitation n'existe plus. Rechargez la page pour voir les invitations à jour.`,
};

const codeMessages: Record<string, MessageDescriptor> = {
  UNAUTHENTICATED: msg`Votre session a pris fin. Reconnectez-vous pour continuer.`,
  FORBIDDEN: msg`Vous n'avez pas les droits pour faire cela. Demandez à un responsable si vous pensez que c'est une erreur.`,
  NOT_FOUND: msg`Ce contenu n'existe pas ou plus, ou vous n'y avez pas accès. Vérifiez le lien ou revenez à l'accueil.`,
  BAD_USER_INPUT: msg`Certaines informations ne conviennent pas. Corrigez-les puis réessayez.`,
  CONFLICT: msg`Cette action n'est plus possible dans l'état actuel. Rechargez la page pour voir la situation à jour.`,
  SERVICE_UNAVAILABLE: msg`Le service est momentanément indisponible. Réessayez dans quelques minutes.`,
  NETWORK: msg`Impossible de joindre Maillage. Vérifiez votre connexion à Internet puis réessayez.`,
  INTERNAL_SERVER_ERROR: msg`Une erreur inattendue s'est produite de notre côté. Réessayez ; si cela continue, prévenez un administrateur.`,
};

function waitText(seconds: number): string {
  if (seconds < 60) return i18n._(msg`Trop de tentatives. Réessayez dans ${seconds} secondes.`);
  const minutes = Math.ceil(seconds / 60);
  return i18n._(msg`Trop de tentatives. Réessayez dans ${minutes} minutes.`);
}

/**
 * One French sentence saying what happened and what to do. `fieldLabels` names the form's fields
 * (`{ password: 'Mot de passe' }`) so a BAD_USER_INPUT says which one to correct.
 */
export function describeError(error: AppErrorInfo, fieldLabels: Record<string, string> = {}): string {
  const byReason = error.reason ? reasonMessages[error.reason] : undefined;
  if (byReason) return i18n._(byReason);
  if (error.code === 'RATE_LIMITED') return waitText(error.retryAfter ?? 60);
  if (error.code === 'BAD_USER_INPUT' && error.fields?.length) {
    const names = error.fields.map((field) => fieldLabels[field] ?? field).join(', ');
    return i18n._(msg`À corriger : ${names}. Modifiez puis réessayez.`);
  }
  return i18n._(codeMessages[error.code] ?? codeMessages.INTERNAL_SERVER_ERROR);
}
