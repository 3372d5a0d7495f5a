import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** E-mails sent to the person go with them; their bodies are cleared once sent anyway. */
export const MAIL_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'mail',
  tables: [
    {
      table: 'mail_messages',
      columns: { user_id: 'delete' },
      export: {
        key: 'emailsSent',
        sql: 'SELECT kind, subject, created_at, sent_at FROM mail_messages WHERE user_id = $1 ORDER BY created_at',
      },
    },
  ],
};
