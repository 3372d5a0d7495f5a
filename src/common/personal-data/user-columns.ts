/** Column names that say "a person" even without a foreign key (a queue row, a denormalised copy). */
const PERSON_COLUMN = '(^|_)(user|author|sender|actor|owner|recipient|person|member|attendee|payer)_id$|_by$';

/**
 * Every column of the live schema that holds a user id: each foreign key to `users`, and each
 * column named like one. What the personal-data registry must cover.
 */
export async function userColumns(db: {
  query(sql: string, params: unknown[]): Promise<unknown>;
}): Promise<{ table: string; column: string }[]> {
  return (await db.query(
    `SELECT c.conrelid::regclass::text AS table, a.attname::text AS column
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass
     UNION
     SELECT table_name::text, column_name::text FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'users' AND column_name ~ $1
     ORDER BY 1, 2`,
    [PERSON_COLUMN],
  )) as { table: string; column: string }[];
}
