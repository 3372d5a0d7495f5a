import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** The person's own row: their profile, consent and contact details. Deleted last on erasure. */
export const USERS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'users',
  tables: [
    {
      table: 'users',
      columns: { id: 'delete' },
      export: {
        key: 'profile',
        single: true,
        sql: `SELECT id, email, display_name, job_title, bio, skills, interests, avatar_url, phone, profile_visibility, created_at, updated_at
                FROM users WHERE id = $1`,
      },
    },
  ],
};
