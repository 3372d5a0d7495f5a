import { ForbiddenError } from '../common/errors/app-error';
import { Reason } from '../common/errors/reasons';

/**
 * Every refusal of the access policy, by action: the reason clients translate and the message
 * developers read, in one place. (Unreadable content is not refused: it is NOT_FOUND, as if absent.)
 */
export const REFUSALS = {
  'group.readContent': { reason: 'GROUP_PRIVATE', message: "Only the group's members may see its content" },
  'group.listMembers': { reason: 'GROUP_PRIVATE', message: "Only the group's members may see who its members are" },
  'group.comment': { reason: 'GROUP_PRIVATE', message: 'You may not comment or answer in this group' },
  'group.react': { reason: 'GROUP_PRIVATE', message: 'You may not react or vote in this group' },
  'group.follow': { reason: 'GROUP_PRIVATE', message: 'Only members may follow a private group' },
  'group.readMetadata': { reason: 'GROUP_PRIVATE', message: 'You may not see this group' },
  'group.post': { reason: 'NOT_GROUP_MEMBER', message: 'Only members of the group may post in it' },
  'group.moderate': {
    reason: 'NOT_GROUP_MANAGER',
    message: "Only the group's owners, moderators and organisation admins may do this",
  },
  'group.manageMembers': {
    reason: 'NOT_GROUP_MANAGER',
    message: "Only the group's owners, moderators and organisation admins may manage members",
  },
  'group.changeRoles': {
    reason: 'NOT_GROUP_OWNER',
    message: "Only the group's owners and organisation admins may change roles or remove a moderator",
  },
  'group.updateGroup': {
    reason: 'NOT_GROUP_OWNER',
    message: "Only the group's owners and organisation admins may change the group",
  },
  'post.edit': { reason: 'NOT_AUTHOR', message: 'Only the author may edit a post' },
  'post.delete': {
    reason: 'NOT_AUTHOR_OR_MODERATOR',
    message: "Only the author, the group's moderators and owners may delete a post",
  },
  'comment.delete': {
    reason: 'NOT_AUTHOR_OR_MODERATOR',
    message: "Only the author, the group's moderators and owners may delete a comment",
  },
  'question.acceptAnswer': {
    reason: 'NOT_AUTHOR_OR_MODERATOR',
    message: "Only the question's author and the group's moderators may accept an answer",
  },
  'organization.administer': {
    reason: 'NOT_ORGANIZATION_ADMIN',
    message: 'Only an admin of this organisation or of a parent organisation may do this',
  },
  'organization.createGroup': {
    reason: 'NOT_ORGANIZATION_MEMBER',
    message: "Only the organisation's members may create its groups",
  },
  'event.delete': {
    reason: 'NOT_AUTHOR_OR_MODERATOR',
    message: "Only the event's author and the group's moderators may change or cancel it",
  },
  'organization.readEngagement': {
    reason: 'NOT_ORGANIZATION_ADMIN_OR_STAFF',
    message: 'Only the admins and staff of this organisation or of a parent organisation may see its engagement',
  },
} as const satisfies Record<string, { reason: Reason; message: string }>;

export type Refusal = keyof typeof REFUSALS;

export function refusal(action: Refusal): ForbiddenError {
  return new ForbiddenError(REFUSALS[action].reason, REFUSALS[action].message);
}
