import { EntityManager } from 'typeorm';
import { ConflictError } from '../../common/errors/app-error';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** The federation cannot lose its last admin to an erasure; invitations that named the person's e-mail go. */
async function erase(manager: EntityManager, userId: string): Promise<void> {
  const [lastAdmin] = (await manager.query(
    `SELECT 1 FROM organizations o
      WHERE o.kind = 'FEDERATION'
        AND EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = o.id AND m.user_id = $1 AND m.role = 'ADMIN')
        AND (SELECT count(*) FROM organization_memberships m WHERE m.organization_id = o.id AND m.role = 'ADMIN') = 1`,
    [userId],
  )) as unknown[];
  if (lastAdmin)
    throw new ConflictError(
      'LAST_FEDERATION_ADMIN',
      'The federation’s last admin cannot be erased: name another admin first',
    );
  await manager.query('DELETE FROM invitations WHERE lower(email) = (SELECT lower(email) FROM users WHERE id = $1)', [
    userId,
  ]);
}

export const ORGANIZATIONS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'organizations',
  erase,
  tables: [
    {
      table: 'organization_memberships',
      columns: { user_id: 'delete' },
      export: {
        key: 'organizationMemberships',
        sql: `SELECT o.id AS organization_id, o.name, m.role, m.categories, m.created_at
                FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1`,
      },
    },
    {
      table: 'invitations',
      columns: { invited_by: 'clear', accepted_by: 'clear' },
      export: {
        none: 'invitations are the organisation’s records; those sent to the person’s e-mail are deleted on erasure',
      },
    },
  ],
};
