import { allows, GroupStanding, mayReadContent } from './group-policy';

/** What people write in groups: each has an author (null once erased) and lives in one group. */
export type ContributionKind = 'post' | 'comment' | 'question' | 'answer' | 'event';

export interface Contribution {
  id: string;
  groupId: string;
  authorId: string | null;
}

/**
 * - `edit`: the author only: moderators may remove words, never put some in someone's mouth;
 * - `delete`: the author, or the group's moderators (owners, moderators, organisation admins);
 * - `acceptAnswer` (on a question): its author, or the group's moderators.
 */
export type ContributionAction = 'edit' | 'delete' | 'acceptAnswer';

/** The decision for one contribution, from the viewer's standing in its group. */
export function allowsContribution(
  viewerId: string,
  item: Contribution,
  standing: GroupStanding,
  action: ContributionAction,
): boolean {
  if (!mayReadContent(standing)) return false;
  const isAuthor = item.authorId !== null && item.authorId === viewerId;
  switch (action) {
    case 'edit':
      return isAuthor;
    case 'delete':
    case 'acceptAnswer':
      return isAuthor || allows(standing, 'moderate');
  }
}
