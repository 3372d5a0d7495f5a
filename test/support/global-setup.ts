import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, configureRootLogger } from '../../src/common/logging/logger';
import { startEmbeddedPostgres } from '../../src/infra/database/embedded-postgres';

/**
 * One PostgreSQL server for the whole run: DATABASE_URL when set, else an embedded one.
 * Each spec file then creates its own database on it (test/support/test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.MAILLAGE_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  configureRootLogger('warn');
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-test-'));
  const postgres = await startEmbeddedPostgres(dataDir, createLogger('TestPostgres'));
  process.env.MAILLAGE_TEST_SERVER_URL = postgres.url;
  (globalThis as { __maillageTestPostgres?: typeof postgres }).__maillageTestPostgres = postgres;
}
