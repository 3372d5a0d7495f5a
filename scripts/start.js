#!/usr/bin/env node
// `npm start`: build when the compiled server is missing or older than the sources, then run it.
const { spawnSync } = require('node:child_process');
const { setInterval, clearInterval } = require('node:timers');
const { existsSync, readFileSync, statSync, readdirSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'main.js');
// Touched after every build: tsc's incremental mode leaves unchanged outputs alone.
const marker = join(root, 'dist', '.tsbuildinfo');

function newestSource(dir) {
  let newest = 0;
  for (const entryName of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entryName.name);
    newest = Math.max(newest, entryName.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(entry) || !existsSync(marker) || statSync(marker).mtimeMs < newestSource(join(root, 'src'));
if (stale) {
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  const now = new Date();
  utimesSync(marker, now, now);
}

// Under npm, stop with npm. A process manager that signals only the command it started
// (systemd's KillMode=process, many PaaS, a supervisor running `npm start`) kills npm; npm does
// not pass the signal on, so this server, its PostgreSQL and its Meilisearch would live on as
// orphans holding the port and the data directory. Once a second, the launching processes (npm,
// and the shell it runs scripts with) are checked; when one is gone, this process stops itself
// the normal way (SIGTERM: services stopped, data flushed).
function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]), started: fields[19] };
  } catch {
    return undefined;
  }
}

function launchers() {
  const parent = statOf(process.ppid);
  if (!parent) return [];
  const chain = [{ pid: process.ppid, started: parent.started }];
  // npm runs scripts through a shell; when that shell stayed (`a && b`), npm is one level up.
  if (/^(sh|dash|bash|zsh|ash|busybox)$/.test(parent.comm)) {
    const grandparent = statOf(parent.ppid);
    if (grandparent && parent.ppid > 1) chain.push({ pid: parent.ppid, started: grandparent.started });
  }
  return chain;
}

function stopWithLauncher() {
  if (!process.env.npm_lifecycle_event) return;
  const firstParent = process.ppid;
  const watched = launchers();
  const gone = () =>
    process.ppid !== firstParent || watched.some(({ pid, started }) => statOf(pid)?.started !== started);
  const timer = setInterval(() => {
    if (!gone()) return;
    clearInterval(timer);
    process.stderr.write('npm, which started this server, is gone: stopping.\n');
    process.kill(process.pid, 'SIGTERM');
  }, 1000);
  timer.unref();
}

const cli = process.argv[2] === '--cli';
if (cli) process.argv.splice(2, 1);
if (!cli) stopWithLauncher();
require(cli ? join(root, 'dist', 'cli', 'main.js') : entry);
