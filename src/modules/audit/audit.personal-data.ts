import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** The audit log is the organisations' record of administrative actions: it stays, its actor cleared. */
export const AUDIT_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'audit',
  tables: [
    {
      table: 'audit_log',
      columns: { actor_id: 'clear' },
      export: { none: 'the organisations’ record of administrative actions, shown to their admins (auditLog)' },
    },
  ],
};
