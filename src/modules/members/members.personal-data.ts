import { EntityManager } from 'typeorm';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/**
 * Dues payments are the association's accounts: on erasure the amounts and dates stay, anonymised
 * (no person, no free-text reference that could name them). Categories live on the membership
 * (exported and deleted with it, see organizations.personal-data.ts).
 */
async function erase(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('UPDATE dues_payments SET reference = NULL WHERE user_id = $1', [userId]);
}

export const MEMBERS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'members',
  erase,
  tables: [
    {
      table: 'dues_payments',
      columns: { user_id: 'clear', recorded_by: 'clear' },
      export: {
        key: 'duesPayments',
        sql: `SELECT o.id AS organization_id, o.name AS organization, d.amount_cents, d.paid_on::text AS paid_on,
                     d.period_start::text AS period_start, d.period_end::text AS period_end, d.reference, d.created_at
                FROM dues_payments d JOIN organizations o ON o.id = d.organization_id
               WHERE d.user_id = $1 ORDER BY d.period_end`,
      },
    },
    {
      table: 'segments',
      columns: { created_by: 'clear' },
      export: { none: 'segments are the organisation’s saved filters, not data about the person who saved them' },
    },
    {
      table: 'member_imports',
      columns: { started_by: 'clear' },
      export: { none: 'imports are the organisation’s records; the file is cleared once applied' },
    },
  ],
};
