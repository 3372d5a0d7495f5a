import { msg, plural } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { i18n } from '@lingui/core';
import type { OrganizationKind, OrganizationRole } from '../gql/graphql';

export const ROLES: OrganizationRole[] = [
  'ADMIN' as OrganizationRole,
  'STAFF' as OrganizationRole,
  'MEMBER' as OrganizationRole,
];

const roleLabels: Record<string, MessageDescriptor> = {
  ADMIN: msg`Administrateur·rice`,
  STAFF: msg`Équipe`,
  MEMBER: msg`Membre`,
};

const kindLabels: Record<string, MessageDescriptor> = {
  FEDERATION: msg`Fédération`,
  REGION: msg`Ligue régionale`,
  ASSOCIATION: msg`Association`,
};

const actionLabels: Record<string, MessageDescriptor> = {
  'invitation.created': msg`Invitation envoyée`,
  'invitation.revoked': msg`Invitation annulée`,
  'invitation.accepted': msg`Invitation acceptée`,
  'member.role_changed': msg`Rôle modifié`,
  'member.removed': msg`Membre retiré`,
  'member.added': msg`Membre ajouté`,
  'user.deactivated': msg`Compte désactivé`,
  'user.reactivated': msg`Compte réactivé`,
  'organization.created': msg`Organisation créée`,
  'post.deleted_by_moderator': msg`Publication supprimée par la modération`,
  'comment.deleted_by_moderator': msg`Commentaire supprimé par la modération`,
  'group.visibility_changed': msg`Visibilité d'un groupe modifiée`,
};

export function roleLabel(role: OrganizationRole | string): string {
  const label = roleLabels[role];
  return label ? i18n._(label) : role;
}

export function kindLabel(kind: OrganizationKind | string): string {
  const label = kindLabels[kind];
  return label ? i18n._(label) : kind;
}

export function actionLabel(action: string): string {
  const label = actionLabels[action];
  return label ? i18n._(label) : action;
}

/** The actions the audit log can be filtered by (the server's list). */
export const AUDIT_ACTIONS = [
  'invitation.created',
  'invitation.revoked',
  'member.role_changed',
  'member.removed',
  'user.deactivated',
  'user.reactivated',
  'post.deleted_by_moderator',
  'comment.deleted_by_moderator',
  'group.visibility_changed',
] as const;

export function membersText(count: number): string {
  return plural(count, { one: '# membre', other: '# membres' });
}

export function directMembersText(count: number): string {
  return plural(count, { one: '# membre direct', other: '# membres directs' });
}

export function foundText(count: number): string {
  return plural(count, { one: '# membre trouvé', other: '# membres trouvés' });
}
