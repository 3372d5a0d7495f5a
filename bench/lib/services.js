'use strict';
// The processes a benchmark needs: its own database on a PostgreSQL server, its own Meilisearch,
// Redis, the app instances (the built server, `node dist/main.js`) and the baseline servers.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdirSync, openSync, closeSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function canConnect(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A PostgreSQL server to create the benchmark's database on: DATABASE_URL, else the local one on
 * 5432, else the embedded PostgreSQL of `npm start` started under a scratch directory.
 */
async function postgresServer(log) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, source: 'DATABASE_URL', stop: async () => {} };
  if (await canConnect(LOCAL_POSTGRES)) return { url: LOCAL_POSTGRES, source: 'local :5432', stop: async () => {} };
  log('no PostgreSQL at DATABASE_URL or 127.0.0.1:5432: starting the embedded one');
  const { startEmbeddedPostgres } = require(join(DIST, 'infra', 'database', 'embedded-postgres.js'));
  const { createLogger, configureRootLogger } = require(join(DIST, 'common', 'logging', 'logger.js'));
  configureRootLogger('warn');
  const dir = join(tmpdir(), 'maillage-bench-postgres');
  const pg = await startEmbeddedPostgres(dir, createLogger('BenchPostgres'));
  return { url: pg.url, source: 'embedded', stop: pg.stop };
}

/** Creates a fresh database for this run; returns its URL and a dropper. */
async function createBenchDatabase(serverUrl) {
  const name = `maillage_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The PostgreSQL server's postmaster pid (the parent of our backend), to meter its CPU. */
async function postmasterPid(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    return require('./cpu').parentPid(rows[0].pid);
  } finally {
    await client.end();
  }
}

/** A Meilisearch of our own (the binary `npm start` uses), under a scratch directory. */
async function startMeilisearch(workDir) {
  const { spawnMeilisearch, meilisearchBinary } = require(join(DIST, 'infra', 'search', 'embedded-meilisearch.js'));
  const masterKey = randomBytes(24).toString('base64url');
  const dir = join(workDir, 'meilisearch');
  mkdirSync(dir, { recursive: true });
  const { pid, url } = await spawnMeilisearch({
    binary: meilisearchBinary(workDir),
    dbPath: join(dir, 'data.ms'),
    masterKey,
    logFile: join(workDir, 'meilisearch.log'),
  });
  return {
    pid,
    url,
    masterKey,
    stop: async () => {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await sleep(50);
      }
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    },
  };
}

async function redisInfo(url) {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    const info = await redis.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    const version = /redis_version:([^\r\n]+)/.exec(info)?.[1];
    return { pid, version };
  } finally {
    redis.disconnect();
  }
}

async function waitReady(url, child, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

function spawnLogged(args, env, logFile) {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, exited };
}

async function stopChild(child, exited, timeoutMs = 20_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/**
 * One app instance: the built server as production runs it. With `profileDir`, V8's CPU profiler
 * runs for the instance's lifetime and writes a .cpuprofile there when it stops.
 */
async function startApp({ name, env, logDir, profileDir, preload }) {
  const port = await freePort();
  const args = preload ? ['--require', preload] : [];
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    args.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`);
  }
  args.push(join(DIST, 'main.js'));
  const { child, exited } = spawnLogged(
    args,
    { ...env, PORT: String(port), HOST: '127.0.0.1' },
    join(logDir, `${name}.log`),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/health/ready`, child, 120_000, `app instance ${name}`);
  return { name, url, pid: child.pid, stop: () => stopChild(child, exited) };
}

/** A baseline server (bench/lib/baselines/*.js) as its own process. */
async function startBaseline({ script, name, env, logDir }) {
  const port = await freePort();
  const { child, exited } = spawnLogged(
    [join(__dirname, 'baselines', script)],
    { ...env, PORT: String(port) },
    join(logDir, `${name}.log`),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/ready`, child, 30_000, `baseline ${name}`);
  return { name, url, pid: child.pid, stop: () => stopChild(child, exited, 5_000) };
}

module.exports = {
  ROOT,
  DIST,
  sleep,
  freePort,
  postgresServer,
  createBenchDatabase,
  postmasterPid,
  startMeilisearch,
  redisInfo,
  startApp,
  startBaseline,
};
