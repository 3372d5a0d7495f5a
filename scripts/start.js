#!/usr/bin/env node
// `npm start`: build what is missing or older than its sources (the server, the web client), then run.
const { spawnSync } = require('node:child_process');
const { setInterval, clearInterval } = require('node:timers');
const { existsSync, readFileSync, statSync, readdirSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'main.js');
// Touched after every build: tsc's incremental mode leaves unchanged outputs alone.
const marker = join(root, 'dist', '.tsbuildinfo');
// Written by scripts/build-web.js once the client is built and within its size budget.
const webStamp = join(root, 'web', 'dist', '.build-stamp');

function newestSource(path, skip = new Set()) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entryName of readdirSync(path, { withFileTypes: true })) {
    if (skip.has(entryName.name)) continue;
    newest = Math.max(newest, newestSource(join(path, entryName.name), skip));
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

// The web client's sources: its code (not the generated src/gql), page, config, and the schema it is typed against.
const web = join(root, 'web');
const webSources = Math.max(
  newestSource(join(web, 'src'), new Set(['gql'])),
  newestSource(join(web, 'public')),
  newestSource(join(web, 'build')),
  ...['index.html', 'vite.config.ts', 'codegen.ts', 'lingui.config.ts', 'tsconfig.json'].map((f) =>
    newestSource(join(web, f)),
  ),
  newestSource(join(root, 'schema.gql')),
);
const cli = process.argv[2] === '--cli';
// The CLI serves no pages: only the server needs building for it.
const webStale = !cli && (!existsSync(webStamp) || statSync(webStamp).mtimeMs < webSources);
if (webStale && existsSync(join(root, 'node_modules', '.bin', 'vite'))) {
  const build = spawnSync(process.execPath, [join(__dirname, 'build-web.js')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (webStale) {
  process.stderr.write(
    'The web client is out of date and its build tools are not installed (npm ci): serving the last build.\n',
  );
}

if (cli) process.argv.splice(2, 1);
if (!cli) stopWithLauncher();
require(cli ? join(root, 'dist', 'cli', 'main.js') : entry);
