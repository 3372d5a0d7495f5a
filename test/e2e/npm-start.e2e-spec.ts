import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';

/**
 * Issue 17.2: `npm start` under a process manager that signals only the command it started.
 * npm runs in a session of its own (as `setsid npm start` would), with no configuration: an
 * embedded PostgreSQL and Meilisearch start under DATA_DIR. SIGTERM goes to npm alone; everything
 * it started must stop: the server (the port is free again), PostgreSQL and Meilisearch.
 */
const ROOT = join(__dirname, '..', '..');

/** Pids of the processes whose command line mentions `text` (the data directory). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('npm start stops everything it started when npm is signalled', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-npm-start-'));
  let npm: ChildProcess | undefined;
  let output = '';

  afterAll(() => {
    // Whatever the outcome, leave nothing behind.
    for (const pid of processesMentioning(dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (npm?.pid) {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM to npm: the server, its PostgreSQL and its Meilisearch all stop, and the port is free', async () => {
    const port = await freePort();
    npm = spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true, // its own session, like `setsid npm start`
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await eventually(() => expect(output).toMatch(/Maillage is listening on/), { timeoutMs: 90_000, intervalMs: 250 });
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    const started = processesMentioning(dataDir);
    expect(started.length).toBeGreaterThanOrEqual(2); // postgres (and its workers), meilisearch

    process.kill(npm.pid!, 'SIGTERM'); // npm only, not its group
    await eventually(
      async () => {
        expect(processesMentioning(dataDir)).toEqual([]);
        await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(output).toMatch(/npm, which started this server, is gone: stopping/);
  }, 150_000);
});
