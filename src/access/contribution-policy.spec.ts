import { allowsContribution, ContributionAction } from './contribution-policy';
import { GroupStanding } from './group-policy';

const standing = (role: GroupStanding['role'], visibility: GroupStanding['visibility'] = 'PUBLIC'): GroupStanding => ({
  groupId: 'g',
  visibility,
  role,
  pending: false,
  organizationAdmin: false,
});
const item = { id: 'p', groupId: 'g', authorId: 'author' };

// Columns: the author (a member), another member, a moderator, an owner, an outsider. 1 = allowed.
const TABLE: Record<ContributionAction, string> = {
  edit: '10000',
  delete: '10110',
  acceptAnswer: '10110',
};
const VIEWERS = [
  ['author', standing('MEMBER')],
  ['member', standing('MEMBER')],
  ['moderator', standing('MODERATOR')],
  ['owner', standing('OWNER')],
  ['outsider', standing(null)],
] as const;

describe('contribution policy', () => {
  for (const [action, row] of Object.entries(TABLE) as [ContributionAction, string][]) {
    it.each(VIEWERS.map(([viewer, s], i) => [viewer, s, row[i] === '1'] as const))(
      `${action}: %s → %s`,
      (viewer, s, expected) => expect(allowsContribution(viewer, item, s, action)).toBe(expected),
    );
  }

  it('gives nothing to an author who may no longer read the group (left a private group)', () => {
    expect(allowsContribution('author', item, standing(null, 'PRIVATE'), 'delete')).toBe(false);
  });

  it('gives nothing on an erased author’s contribution but to moderators', () => {
    const erased = { ...item, authorId: null };
    expect(allowsContribution('author', erased, standing('MEMBER'), 'edit')).toBe(false);
    expect(allowsContribution('mod', erased, standing('MODERATOR'), 'delete')).toBe(true);
  });
});
