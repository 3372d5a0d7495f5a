import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A small hot read (every request runs it) as a named prepared statement: each pooled connection
 * parses and plans it once. Only for statements whose plan does not depend on the values: after
 * five runs PostgreSQL may keep one generic plan for all of them. Outside transactions only: it
 * takes any connection of the pool. `name` must be unique to `text`.
 */
export async function preparedQuery<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
