#!/usr/bin/env node
// `npm start`: build what is missing or older than its sources (the server, the web client), then run.
const { spawnSync } = require('node:child_process');
const { existsSync, statSync, readdirSync, utimesSync } = require('node:fs');
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
require(cli ? join(root, 'dist', 'cli', 'main.js') : entry);
