/**
 * The decision table for groups, as pure functions of a viewer's standing in one group: a group's
 * name, description and member count are visible to every logged-in person; a PUBLIC group's
 * content to all of them, a PRIVATE group's to its members and to the admins of its organisation
 * (or of one above), who also moderate it. The SQL in GroupAccess computes standings in bulk; this
 * file decides.
 */
export type GroupVisibilityValue = 'PUBLIC' | 'PRIVATE';
export type GroupRoleValue = 'OWNER' | 'MODERATOR' | 'MEMBER';

export interface GroupStanding {
  groupId: string;
  visibility: GroupVisibilityValue;
  /** The viewer's role in the group, null when not a member. */
  role: GroupRoleValue | null;
  /** The viewer asked to join and waits for approval. */
  pending: boolean;
  /** The viewer is an ADMIN of the group's organisation or of one of its ancestors. */
  organizationAdmin: boolean;
}

export type GroupAction =
  | 'readMetadata'
  | 'readContent'
  | 'listMembers'
  | 'post'
  | 'comment'
  | 'react'
  | 'moderate'
  | 'manageMembers'
  | 'changeRoles'
  | 'updateGroup'
  | 'follow';

/** Owners, moderators and the organisation's admins (from any level above) run the group. */
export function isManager(standing: GroupStanding): boolean {
  return standing.role === 'OWNER' || standing.role === 'MODERATOR' || standing.organizationAdmin;
}

export function isMember(standing: GroupStanding): boolean {
  return standing.role !== null;
}

/** Content of a PUBLIC group is open to every logged-in person; a PRIVATE group's to its members and managers. */
export function mayReadContent(standing: GroupStanding): boolean {
  return standing.visibility === 'PUBLIC' || isMember(standing) || standing.organizationAdmin;
}

export function allows(standing: GroupStanding, action: GroupAction): boolean {
  switch (action) {
    case 'readMetadata':
      return true;
    case 'readContent':
    case 'listMembers':
    case 'comment':
    case 'react':
      return mayReadContent(standing);
    case 'post':
      return isMember(standing);
    case 'moderate':
    case 'manageMembers':
      return isManager(standing);
    case 'changeRoles':
    case 'updateGroup':
      return standing.role === 'OWNER' || standing.organizationAdmin;
    case 'follow':
      // Following a private group needs membership (or running it from the organisation).
      return standing.visibility === 'PUBLIC' || isMember(standing) || isManager(standing);
  }
}

/**
 * What acting on someone's membership takes: managers handle plain members; giving or taking away
 * OWNER or MODERATOR, or removing an owner or a moderator, takes the right to change roles.
 * `from` is the person's role now (null: not a member), `to` the role after (null: removed).
 */
export function actionOnMember(from: GroupRoleValue | null, to: GroupRoleValue | null): GroupAction {
  const touchesManagers = (from !== null && from !== 'MEMBER') || (to !== null && to !== 'MEMBER');
  return touchesManagers && from !== to ? 'changeRoles' : 'manageMembers';
}
