import {
  actionOnMember,
  allows,
  GroupAction,
  GroupRoleValue,
  GroupStanding,
  GroupVisibilityValue,
} from './group-policy';

type Viewer = 'outsider' | 'pending' | 'member' | 'moderator' | 'owner' | 'orgAdmin';

function standing(viewer: Viewer, visibility: GroupVisibilityValue): GroupStanding {
  const roles: Record<Viewer, GroupRoleValue | null> = {
    outsider: null,
    pending: null,
    member: 'MEMBER',
    moderator: 'MODERATOR',
    owner: 'OWNER',
    orgAdmin: null,
  };
  return {
    groupId: 'g',
    visibility,
    role: roles[viewer],
    pending: viewer === 'pending',
    organizationAdmin: viewer === 'orgAdmin',
  };
}

// Rows: actions. Columns: outsider, pending, member, moderator, owner, orgAdmin. 1 = allowed.
const TABLE: Record<GroupVisibilityValue, Record<GroupAction, string>> = {
  PUBLIC: {
    readMetadata: '111111',
    readContent: '111111',
    listMembers: '111111',
    comment: '111111',
    react: '111111',
    post: '001110',
    moderate: '000111',
    manageMembers: '000111',
    changeRoles: '000011',
    updateGroup: '000011',
    follow: '111111',
  },
  PRIVATE: {
    readMetadata: '111111',
    readContent: '001111',
    listMembers: '001111',
    comment: '001111',
    react: '001111',
    post: '001110',
    moderate: '000111',
    manageMembers: '000111',
    changeRoles: '000011',
    updateGroup: '000011',
    follow: '001111',
  },
};
const VIEWERS: Viewer[] = ['outsider', 'pending', 'member', 'moderator', 'owner', 'orgAdmin'];

describe('group policy decision table', () => {
  for (const visibility of ['PUBLIC', 'PRIVATE'] as const) {
    for (const [action, row] of Object.entries(TABLE[visibility]) as [GroupAction, string][]) {
      it.each(VIEWERS.map((viewer, i) => [viewer, row[i] === '1'] as const))(
        `${visibility} ${action}: %s → %s`,
        (viewer, expected) => expect(allows(standing(viewer, visibility), action)).toBe(expected),
      );
    }
  }
});

describe('acting on a membership', () => {
  it.each([
    [null, 'MEMBER', 'manageMembers'],
    [null, 'MODERATOR', 'changeRoles'],
    [null, 'OWNER', 'changeRoles'],
    ['MEMBER', null, 'manageMembers'],
    ['MODERATOR', null, 'changeRoles'],
    ['OWNER', null, 'changeRoles'],
    ['MEMBER', 'MODERATOR', 'changeRoles'],
    ['MODERATOR', 'MEMBER', 'changeRoles'],
    ['MEMBER', 'MEMBER', 'manageMembers'],
  ] as const)('%s → %s takes %s', (from, to, action) => expect(actionOnMember(from, to)).toBe(action));
});
