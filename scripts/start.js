#!/usr/bin/env node
// `npm start`: build when the compiled server is missing or older than the sources, then run it.
const { spawnSync } = require('node:child_process');
const { existsSync, statSync, readdirSync, utimesSync } = require('node:fs');
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
const cli = process.argv[2] === '--cli';
if (cli) process.argv.splice(2, 1);
require(cli ? join(root, 'dist', 'cli', 'main.js') : entry);
