#!/usr/bin/env node
// `npm run build:web`: the web client, from web/ into web/dist/. Typed GraphQL documents from
// schema.gql, the French catalogue brought up to date, a type check, Vite's build, compressed
// copies (brotli, gzip) of every text file, then the size budget (the build fails past it).
const { spawnSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { checkBudget, compressAll } = require('./web-assets');

const root = join(__dirname, '..');
const web = join(root, 'web');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: web, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}\nweb build: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`web build: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

run('GraphQL documents', bin('graphql-codegen'), ['--config', 'codegen.ts', '--silent']);
run('message catalogue', bin('lingui'), ['extract', '--clean', '--config', 'lingui.config.ts']);
run('type check', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
run('bundle', bin('vite'), ['build', '--config', 'vite.config.ts', '--logLevel', 'warn']);

const dist = join(web, 'dist');
const compressed = compressAll(dist);
const { report, problems } = checkBudget(dist);
process.stdout.write(
  `web build: ${compressed} files compressed; first route ${report.firstRouteJsKb} kB gzip (entry ${report.entryJsKb} kB), ` +
    `largest lazy chunk ${report.largestLazyChunk?.kb ?? 0} kB, CSS ${report.cssKb} kB\n`,
);
if (problems.length) {
  for (const problem of problems) process.stderr.write(`web build: over budget: ${problem}\n`);
  process.exit(1);
}
// Read by scripts/start.js: the client is rebuilt only when its sources are newer than this.
writeFileSync(join(dist, '.build-stamp'), new Date().toISOString());
