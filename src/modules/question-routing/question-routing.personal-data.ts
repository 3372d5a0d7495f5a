import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** The questions a person was asked to answer, with why: theirs to see, gone with them. */
export const QUESTION_ROUTING_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'question-routing',
  tables: [
    {
      table: 'question_routings',
      columns: { user_id: 'delete' },
      export: {
        key: 'routedQuestions',
        sql: 'SELECT question_id, wave, rank, reasons, routed_at, declined_at FROM question_routings WHERE user_id = $1 ORDER BY routed_at',
      },
    },
  ],
};
