import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../common/logging/logger';
import { AppConfig } from '../config/load-config';
import { RuntimeConfig } from '../config/runtime-config';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { startEmbeddedMeilisearch } from './search/embedded-meilisearch';

const logger = createLogger('BackingServices');

export interface BackingServices {
  config: RuntimeConfig;
  /** Stops what this process started (embedded services), in reverse order. */
  stop(): Promise<void>;
}

/**
 * Resolves every external service: the configured one when its URL is set, else an embedded one
 * under DATA_DIR: PostgreSQL and Meilisearch. Redis has no embedded form: without REDIS_URL the
 * app runs as a single instance with in-process equivalents.
 */
export async function startBackingServices(config: AppConfig): Promise<BackingServices> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse())
      await stopOne().catch((err) => logger.error({ err }, 'failed to stop a service'));
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres(join(config.dataDir), logger);
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
    }
    let meiliUrl = config.meiliUrl;
    let meiliMasterKey = config.meiliMasterKey;
    if (!meiliUrl) {
      const meilisearch = await startEmbeddedMeilisearch(config.dataDir, logger);
      stops.push(meilisearch.stop);
      meiliUrl = meilisearch.url;
      meiliMasterKey = meilisearch.masterKey;
    }
    return {
      config: {
        ...config,
        databaseUrl,
        meiliUrl,
        meiliMasterKey,
        jwtSecret: config.jwtSecret ?? developmentJwtSecret(config.dataDir),
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** In development a secret is generated once and kept under DATA_DIR, so sessions survive restarts. */
function developmentJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
