import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { i18n } from '@lingui/core';
import type { AppErrorInfo } from './app-error-info';

/**
 * Messages for `extensions.reason` values, when the server gives one: more precise than the code.
 * Feature folders add their reasons here (one line each), in French, saying what to do.
 */
export const reasonMessages: Record<string, MessageDescriptor> = {
  AUTHENTICATION_REQUIRED: msg`Votre session a pris fin. Reconnectez-vous pour continuer.`,
  SESSION_ENDED: msg`Votre session a été fermée (déconnexion, changement de mot de passe ou compte désactivé). Reconnectez-vous pour continuer.`,
  INVALID_REFRESH_TOKEN: msg`Votre session a expiré. Reconnectez-vous pour continuer.`,
  GROUP_PRIVATE: msg`Ce groupe est privé : seuls ses membres voient son contenu. Demandez à le rejoindre pour y accéder.`,
  NOT_GROUP_MEMBER: msg`Seuls les membres du groupe peuvent y publier ou y poser une question. Rejoignez le groupe, puis réessayez.`,
  NOT_AUTHOR: msg`Seul l'auteur peut modifier ce contenu.`,
  NOT_AUTHOR_OR_MODERATOR: msg`Seuls l'auteur et les modérateurs du groupe peuvent faire cela.`,
  NOT_ORGANIZATION_ADMIN: msg`Seuls les administrateurs de cette organisation (ou d'une organisation au-dessus) peuvent faire cela. Adressez-vous à l'un d'eux.`,
  ORIGIN_REFUSED: msg`Cette demande ne vient pas de l'application Maillage. Ouvrez Maillage à son adresse habituelle, puis réessayez.`,
  NOT_ACCOUNT_AUTHORITY: msg`Seuls les administrateurs de toutes les organisations de cette personne peuvent désactiver ou réactiver son compte.`,
  ORGANIZATION_NOT_FOUND: msg`Cette organisation est introuvable. Vérifiez le lien ou rechargez la page.`,
  GROUP_NOT_FOUND: msg`Ce groupe est introuvable : il a peut-être été supprimé. Vérifiez le lien ou revenez à la liste des groupes.`,
  POST_NOT_FOUND: msg`Cette publication n'existe plus ou ne vous est pas accessible. Rechargez la page.`,
  COMMENT_NOT_FOUND: msg`Ce commentaire n'existe plus ou ne vous est pas accessible. Rechargez la page.`,
  QUESTION_NOT_FOUND: msg`Cette question n'existe plus ou ne vous est pas accessible. Vérifiez le lien ou revenez aux questions du groupe.`,
  ANSWER_NOT_FOUND: msg`Cette réponse n'existe plus ou ne vous est pas accessible. Rechargez la page.`,
  CONVERSATION_NOT_FOUND: msg`Cette conversation n'existe pas ou vous n'y participez pas. Revenez à vos messages.`,
  MESSAGE_NOT_FOUND: msg`Ce message est introuvable. Rechargez la conversation.`,
  MEMBERSHIP_NOT_FOUND: msg`Cette personne n'est pas (ou plus) membre ici. Rechargez la page pour voir la liste à jour.`,
  INVITATION_NOT_FOUND: msg`Cette invitation est introuvable. Rechargez la liste des invitations.`,
  PASSWORD_TOO_WEAK: msg`Le mot de passe doit compter au moins 12 caractères (256 au plus). Allongez-le puis réessayez.`,
  INVITATION_EXPIRED: msg`Cette invitation a expiré. Demandez-en une nouvelle à la personne qui vous a invité·e.`,
  INVITATION_REVOKED: msg`Cette invitation a été annulée par l'organisation. Demandez-en une nouvelle si besoin.`,
  INVITATION_USED: msg`Cette invitation a déjà été utilisée. Connectez-vous avec votre adresse e-mail et votre mot de passe.`,
  INVITATION_UNKNOWN: msg`Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet, ou demandez une nouvelle invitation.`,
  CLIENT_ID_REUSED: msg`Ce message n'a pas pu être envoyé. Rechargez la conversation puis renvoyez-le.`,
  LAST_FEDERATION_ADMIN: msg`La fédération doit garder au moins un administrateur actif : nommez-en un autre d'abord.`,
  ALREADY_MEMBER: msg`Cette personne est déjà membre de cette organisation.`,
  INVITATION_ALREADY_ACCEPTED: msg`Cette invitation a déjà été acceptée : elle ne peut plus être annulée.`,
  DATABASE_UNAVAILABLE: msg`Maillage est momentanément indisponible. Réessayez dans quelques instants.`,
  SEARCH_UNAVAILABLE: msg`La recherche est momentanément indisponible. Réessayez dans quelques instants.`,
  LAST_OWNER: msg`Le groupe doit garder au moins un propriétaire : nommez-en d'abord un autre.`,
  NOT_GROUP_MANAGER: msg`Seuls les responsables du groupe peuvent faire cela. Demandez à l'un d'eux.`,
  NOT_GROUP_OWNER: msg`Seuls les propriétaires du groupe peuvent faire cela. Demandez à l'un d'eux.`,
  NOT_ORGANIZATION_MEMBER: msg`Créez le groupe dans une organisation dont vous êtes membre.`,
  JOIN_REQUEST_NOT_FOUND: msg`Cette demande n'est plus en attente (retirée ou déjà traitée). Rechargez la page.`,
  RESET_TOKEN_INVALID: msg`Ce lien n'est plus valable : il a expiré (il dure une heure), a déjà servi, ou est incomplet. Demandez un nouveau lien.`,
  INVITATION_CLOSED: msg`Cette invitation a déjà été acceptée ou annulée : elle ne peut plus être renvoyée. Invitez à nouveau la personne si besoin.`,
  CSV_NOT_UTF8: msg`Ce fichier n'est pas encodé en UTF-8 : rien n'a été importé. Dans Excel, enregistrez-le au format « CSV UTF-8 » puis réessayez.`,
  CSV_NO_EMAIL_COLUMN: msg`Il manque la colonne « email » sur la première ligne du fichier : rien n'a été importé. Ajoutez-la puis réessayez.`,
  CSV_TOO_MANY_ROWS: msg`Ce fichier est trop grand (plus de 10 000 lignes ou de 5 Mo) : rien n'a été importé. Découpez-le en plusieurs fichiers.`,
  DUES_PERIOD_OVERLAP: msg`Cette période chevauche un paiement déjà enregistré pour ce membre. Corrigez les dates de début et de fin.`,
  SEGMENT_NOT_FOUND: msg`Ce segment n'existe plus. Rechargez la page pour voir la liste à jour.`,
  SEGMENT_BUILT_IN: msg`Les segments prédéfinis ne peuvent pas être supprimés.`,
  MEMBER_IMPORT_NOT_FOUND: msg`Cet import est introuvable. Rechargez la page puis vérifiez le fichier à nouveau.`,
  FILE_TOO_LARGE: msg`Fichier trop volumineux (25 Mo maximum).`,
  FILE_TYPE_REFUSED: msg`Type de fichier non accepté : joignez un PDF, une image (JPEG, PNG, WebP, GIF), un document bureautique (Word, Excel, PowerPoint, LibreOffice), un texte ou un CSV.`,
  FILE_NOT_ATTACHABLE: msg`Un fichier joint n'est plus disponible. Retirez-le, joignez-le à nouveau puis publiez.`,
  FILE_NOT_FOUND: msg`Ce fichier n'existe plus ou ne vous est pas accessible.`,
  STORAGE_UNAVAILABLE: msg`L'envoi de fichiers est momentanément indisponible. Réessayez dans quelques instants.`,
  COMMISSION_NOT_FOUND: msg`Cette commission est introuvable. Vérifiez le lien ou revenez à la page de l'organisation.`,
  NOT_COMMISSION_POST: msg`Seules les publications de l'espace de travail d'une commission peuvent être proposées ou publiées.`,
  ALREADY_PUBLISHED: msg`Cette publication est déjà dans la vitrine de la commission. Rechargez la page.`,
  EVENT_NOT_FOUND: msg`Cet événement n'existe pas ou ne vous est pas accessible. Vérifiez le lien ou revenez à vos événements.`,
  EVENT_ENDS_BEFORE_START: msg`L'événement doit finir après son début : vérifiez la date et l'heure de fin.`,
  EVENT_CANCELLED: msg`Cet événement a été annulé : on ne peut plus s'y inscrire. Rechargez la page.`,
  EVENT_PAST: msg`Cet événement est terminé : on ne peut plus s'y inscrire ni s'en désinscrire.`,
  ANNOUNCEMENT_NOT_FOUND: msg`Cette annonce n'existe pas ou ne vous a pas été adressée. Revenez à vos annonces.`,
  ANNOUNCEMENT_AUDIENCE_EMPTY: msg`Ce segment ne compte personne aujourd'hui : choisissez-en un autre.`,
  NOT_ORGANIZATION_ADMIN_OR_STAFF: msg`Seuls les administrateurs et salariés de cette organisation (ou d'une organisation au-dessus) peuvent voir son engagement. Adressez-vous à l'un d'eux.`,
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
