import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** Sessions are the login history (time, IP, device); their refresh tokens go with them. */
export const AUTH_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'auth',
  tables: [
    {
      table: 'sessions',
      columns: { user_id: 'delete' },
      export: {
        key: 'loginHistory',
        sql: `SELECT id AS session_id, created_at AS logged_in_at, last_used_at, ip, user_agent, revoked_at, revoked_reason
                FROM sessions WHERE user_id = $1 ORDER BY created_at`,
      },
    },
  ],
};
