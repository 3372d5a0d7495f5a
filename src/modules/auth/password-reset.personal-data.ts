import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** Reset tokens are hashes with a lifetime of one hour: they go with the person, and are not exported. */
export const AUTH_RESET_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'auth-password-reset',
  tables: [
    {
      table: 'password_resets',
      columns: { user_id: 'delete' },
      export: { none: 'only hashes of one-hour tokens' },
    },
  ],
};
