import { EntityManager } from 'typeorm';
import {
  ErasureAction,
  FORMER_MEMBER_ID,
  FORMER_MEMBER_NAME,
  PersonalDataDeclaration,
  PersonalDataTable,
  Reattributed,
} from './personal-data';

/** The person's own row goes last: every other table may still point at it until then. */
const PEOPLE_TABLE = 'users';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Every module's declaration of the personal data it holds. `export` and `erase` walk them all,
 * so a table declared by its module is in both, and one declared by nobody is caught by the
 * catalogue check (`uncoveredColumns`, run by the personal-data spec against the real schema).
 */
export class PersonalDataRegistry {
  private readonly declarations: PersonalDataDeclaration[] = [];

  declare(declaration: PersonalDataDeclaration): void {
    const tables = new Set(this.tables().map(({ table }) => table.table));
    const keys = new Set(this.tables().flatMap(({ table }) => ('key' in table.export ? [table.export.key] : [])));
    for (const table of declaration.tables) {
      const where = `${declaration.module}: ${table.table}`;
      if (tables.has(table.table)) throw new Error(`${where} is declared twice`);
      if (![table.table, ...Object.keys(table.columns)].every((name) => IDENTIFIER.test(name)))
        throw new Error(`${where}: not a plain identifier`);
      if ('key' in table.export && keys.has(table.export.key))
        throw new Error(`${where}: export key ${table.export.key} is taken`);
      if (Object.values(table.columns).includes('custom') && !declaration.erase)
        throw new Error(`${where}: a custom column needs the module's erase step`);
      tables.add(table.table);
      if ('key' in table.export) keys.add(table.export.key);
    }
    this.declarations.push(declaration);
  }

  /** Every declared table with its module, in declaration order. */
  tables(): { module: string; table: PersonalDataTable }[] {
    return this.declarations.flatMap((d) => d.tables.map((table) => ({ module: d.module, table })));
  }

  /** Everything the service holds about the person (RGPD art. 15 and 20), and nothing about anyone else. */
  async export(manager: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const { table } of this.tables()) {
      if (!('key' in table.export)) continue;
      const rows = (await manager.query(table.export.sql, [userId])) as Record<string, unknown>[];
      const path = table.export.key.split('.');
      let target = result;
      for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
      target[path[path.length - 1]] = table.export.single ? (rows[0] ?? null) : rows;
    }
    return result;
  }

  /**
   * Erases the person in the caller's transaction: each module's own step, then public
   * contributions re-attributed to "Ancien membre", references in others' records cleared, the
   * person's rows deleted, and their own row last. Returns the re-attributed rows per table.
   */
  async erase(manager: EntityManager, userId: string): Promise<Reattributed> {
    for (const declaration of this.declarations) await declaration.erase?.(manager, userId);
    await manager.query(
      `INSERT INTO users (id, email, password_hash, display_name, deactivated_at)
       VALUES ($1, 'ancien-membre@invalid', '!', $2, now()) ON CONFLICT (id) DO NOTHING`,
      [FORMER_MEMBER_ID, FORMER_MEMBER_NAME],
    );
    const reattributed: Reattributed = {};
    for (const { table, column } of this.columns('reattribute')) {
      // (A CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].)
      const rows = (await manager.query(
        `WITH moved AS (UPDATE ${table} SET ${column} = $2 WHERE ${column} = $1 RETURNING id) SELECT id FROM moved`,
        [userId, FORMER_MEMBER_ID],
      )) as { id: string }[];
      reattributed[table] = [...(reattributed[table] ?? []), ...rows.map((row) => row.id)];
    }
    for (const { table, column } of this.columns('clear')) {
      await manager.query(`UPDATE ${table} SET ${column} = NULL WHERE ${column} = $1`, [userId]);
    }
    for (const { table, column } of this.columns('delete').filter((c) => c.table !== PEOPLE_TABLE)) {
      await manager.query(`DELETE FROM ${table} WHERE ${column} = $1`, [userId]);
    }
    await manager.query(`DELETE FROM ${PEOPLE_TABLE} WHERE id = $1`, [userId]);
    return reattributed;
  }

  private columns(action: ErasureAction): { table: string; column: string }[] {
    return this.tables().flatMap(({ table }) =>
      Object.entries(table.columns)
        .filter(([, what]) => what === action)
        .map(([column]) => ({ table: table.table, column })),
    );
  }
}

/** A column of the live schema that holds a user id (a foreign key to users, or named like one). */
export interface UserColumn {
  table: string;
  column: string;
}

/**
 * The columns referencing people that no declaration covers, and the declared ones the schema does
 * not have: what the personal-data spec fails on.
 */
export function uncoveredColumns(
  registry: { table: string; columns: string[] }[],
  schema: UserColumn[],
): { undeclared: string[]; stale: string[] } {
  const declared = new Set(registry.flatMap((t) => t.columns.map((column) => `${t.table}.${column}`)));
  const live = new Set(schema.map((c) => `${c.table}.${c.column}`));
  return {
    undeclared: [...live].filter((c) => !declared.has(c)).sort(),
    stale: [...declared].filter((c) => !live.has(c) && !c.startsWith(`${PEOPLE_TABLE}.`)).sort(),
  };
}
