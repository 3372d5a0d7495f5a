import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server every spec shares (set by global-setup), pointed at another database. */
export function serverUrl(database: string): string {
  const base = process.env.MAILLAGE_TEST_SERVER_URL;
  if (!base) throw new Error('MAILLAGE_TEST_SERVER_URL is not set: run specs through jest (global-setup).');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(task: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one spec file, so files run independently and in parallel. */
export async function createTestDatabase(): Promise<string> {
  const name = `maillage_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Direct SQL on a spec's database, for assertions the API cannot make (what is stored, and how). */
export async function sql<T = Record<string, unknown>>(
  database: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: serverUrl(database) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
