/**
 * The decision table for groups (API.md §2 and §4), as pure functions of a viewer's standing in
 * one group. The SQL in GroupAccess computes standings in bulk; this file decides.
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
  | 'updateGroup';

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
  }
}
