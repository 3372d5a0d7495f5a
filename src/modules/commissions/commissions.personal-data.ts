import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/**
 * A commission belongs to its organisation: who created it is cleared. Who proposed or published a
 * working post is the person's: exported, and cleared at erasure (the publication stays; the copy
 * never named them anyway).
 */
export const COMMISSIONS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'commissions',
  tables: [
    {
      table: 'commissions',
      columns: { created_by: 'clear' },
      export: { none: 'a commission belongs to its organisation; its creator is shown nowhere' },
    },
    {
      table: 'commission_publications',
      columns: { proposed_by: 'clear', published_by: 'clear' },
      export: {
        key: 'commissionPublications',
        sql: `SELECT post_id, commission_id,
                     CASE WHEN proposed_by = $1 THEN proposed_at END AS proposed_at,
                     CASE WHEN published_by = $1 THEN published_at END AS published_at, copy_post_id
                FROM commission_publications WHERE proposed_by = $1 OR published_by = $1 ORDER BY proposed_at`,
      },
    },
  ],
};
