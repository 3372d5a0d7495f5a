import { EntityManager } from 'typeorm';

/** The one account every erased person's public contributions point to: "Ancien membre". */
export const FORMER_MEMBER_ID = '00000000-0000-4000-8000-000000000000';
export const FORMER_MEMBER_NAME = 'Ancien membre';

/**
 * What erasure does with the rows whose `column` holds the person's id:
 * - `delete`: the row is the person's (a membership, a session): it goes;
 * - `reattribute`: a public contribution (a post, a message): it stays, signed "Ancien membre";
 * - `clear`: a record that belongs to someone else (who created a group, who did an admin action):
 *   it stays, and the reference to the person becomes NULL;
 * - `custom`: the module's own `erase` step handles it (a vote withdrawn and the score recomputed).
 */
export type ErasureAction = 'delete' | 'reattribute' | 'clear' | 'custom';

/** What the person's export (`exportMyData`) holds from a table. */
export type ExportRule =
  /** `sql` selects the person's rows, `$1` being their id; `key` is where they go (dots nest: `follows.groups`). */
  | { key: string; sql: string; single?: boolean }
  /** Nothing, and why (e.g. the rows are the organisation's records, or only hashes). */
  | { none: string };

export interface PersonalDataTable {
  table: string;
  /** Every column that holds a user id, with what erasure does with it. */
  columns: Record<string, ErasureAction>;
  export: ExportRule;
}

/**
 * What one module holds about a person, declared beside its tables: the privacy module only
 * orchestrates (export: every rule; erasure: every module's step, then the columns, in one transaction).
 */
export interface PersonalDataDeclaration {
  module: string;
  tables: PersonalDataTable[];
  /**
   * Runs first in the erasure transaction, before any column is touched: what a plain column
   * action cannot do (counters to correct, rows found by e-mail, a refusal: throw).
   */
  erase?: (manager: EntityManager, userId: string) => Promise<void>;
}

/** What an erasure did that others need to know: the public rows now signed "Ancien membre", per table. */
export type Reattributed = Record<string, string[]>;
