import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** Memberships, join requests and follows are the person's; who created a group is cleared. */
export const GROUPS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'groups',
  tables: [
    {
      table: 'groups',
      columns: { created_by: 'clear' },
      export: { none: 'a group belongs to its organisation; its creator is shown nowhere' },
    },
    {
      table: 'group_memberships',
      columns: { user_id: 'delete' },
      export: {
        key: 'groupMemberships',
        sql: `SELECT g.id AS group_id, g.name, m.role, m.created_at
                FROM group_memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1`,
      },
    },
    {
      table: 'group_join_requests',
      columns: { user_id: 'delete' },
      export: { key: 'joinRequests', sql: 'SELECT group_id, created_at FROM group_join_requests WHERE user_id = $1' },
    },
    {
      table: 'group_follows',
      columns: { user_id: 'delete' },
      export: { key: 'follows.groups', sql: 'SELECT group_id, created_at FROM group_follows WHERE user_id = $1' },
    },
    {
      table: 'organization_follows',
      columns: { user_id: 'delete' },
      export: {
        key: 'follows.organizations',
        sql: 'SELECT organization_id, created_at FROM organization_follows WHERE user_id = $1',
      },
    },
  ],
};
