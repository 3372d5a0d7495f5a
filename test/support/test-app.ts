import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, serverUrl, sql } from './databases';
import { GraphQLResponse, postGraphQL } from './graphql-client';
import { searchEnv } from './search-env';
import { ServerProcess, startServerProcess } from './server-process';

export interface TestApp {
  url: string;
  database: string;
  server: ServerProcess;
  /** The environment the server runs with; start another instance on the same data with it. */
  env: Record<string, string>;
  /** The federation's first admin, created by bootstrap. */
  admin: { email: string; password: string };
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real, built server on its own fresh database and a random port.
 * `env` overrides configuration variables (the same names as in production); `databaseUrl` runs it
 * on a PostgreSQL of the spec's own (which it may stop and restart) instead of the shared one.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { databaseUrl?: string } = {},
): Promise<TestApp> {
  const database = options.databaseUrl ? new URL(options.databaseUrl).pathname.slice(1) : await createTestDatabase();
  const drop = () => (options.databaseUrl ? Promise.resolve() : dropTestDatabase(database));
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-app-'));
  const admin = { email: 'admin@federation.test', password: 'admin-password-for-tests' };
  const fullEnv = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl ?? serverUrl(database),
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    BOOTSTRAP_FEDERATION_NAME: 'Fédération de test',
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    // Specs create users and content faster than people do; rate-limit specs set their own scale.
    RATE_LIMIT_SCALE: '100',
    ...searchEnv(),
    ...env,
  };
  let server: ServerProcess;
  try {
    server = await startServerProcess(fullEnv);
  } catch (err) {
    await drop();
    throw err;
  }
  return {
    url: server.url,
    database,
    server,
    env: fullEnv,
    admin,
    gql: (query, variables, token, headers) => postGraphQL(server.url, query, { variables, token, headers }),
    sql: (text, params) => sql(database, text, params),
    close: async () => {
      await server.stop();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
