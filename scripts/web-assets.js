// The built client's compressed copies and its size budget (run by scripts/build-web.js).
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');
const { readdirSync, readFileSync, writeFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

/** gzip kB limits: JS a first page loads, any one lazily loaded chunk, all the CSS. */
const BUDGET = { firstRouteJs: 170, lazyChunk: 50, css: 25 };
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|xml)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) yield* files(path);
    } else yield path;
  }
}

/** Writes `file.br` and `file.gz` beside every text file, at maximum compression (done once, at build). */
function compressAll(dist) {
  let count = 0;
  for (const path of [...files(dist)]) {
    if (!COMPRESSIBLE.test(path) || statSync(path).size < 200) continue;
    const content = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    count += 1;
  }
  return count;
}

const gzipKb = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/**
 * Measures the build against the budget, from Vite's manifest. A first page loads the entry and its
 * static imports, the logged-in shell, and the page's own chunk with its imports: the worst page counts.
 */
function checkBudget(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) closure(next, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const initial = closure(entryKey);
  const shellKey = Object.keys(manifest).find((key) => key.endsWith('app/shell/app-shell.tsx'));
  const shell = shellKey ? closure(shellKey) : new Set();
  const size = (keys) => [...keys].reduce((sum, key) => sum + gzipKb(dist, manifest[key].file), 0);

  let firstRoute = { kb: size(new Set([...initial, ...shell])), page: '(shell)' };
  for (const key of Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && k !== shellKey)) {
    const kb = size(new Set([...initial, ...shell, ...closure(key)]));
    if (kb > firstRoute.kb) firstRoute = { kb, page: key };
  }
  const lazy = Object.keys(manifest)
    .filter((key) => !initial.has(key) && manifest[key].file.endsWith('.js'))
    .map((key) => ({ file: manifest[key].file, kb: gzipKb(dist, manifest[key].file) }))
    .sort((a, b) => b.kb - a.kb);
  const cssFiles = [...files(dist)].filter((path) => path.endsWith('.css')).map((path) => relative(dist, path));
  const css = cssFiles.reduce((sum, file) => sum + gzipKb(dist, file), 0);

  const report = {
    firstRouteJsKb: +firstRoute.kb.toFixed(1),
    firstRoutePage: firstRoute.page,
    entryJsKb: +size(initial).toFixed(1),
    largestLazyChunk: lazy[0] ? { file: lazy[0].file, kb: +lazy[0].kb.toFixed(1) } : null,
    cssKb: +css.toFixed(1),
    budget: BUDGET,
  };
  const problems = [];
  if (firstRoute.kb > BUDGET.firstRouteJs)
    problems.push(
      `first route JS ${firstRoute.kb.toFixed(1)} kB gzip (${firstRoute.page}) > ${BUDGET.firstRouteJs} kB`,
    );
  for (const chunk of lazy.filter((c) => c.kb > BUDGET.lazyChunk))
    problems.push(`lazy chunk ${chunk.file} ${chunk.kb.toFixed(1)} kB gzip > ${BUDGET.lazyChunk} kB`);
  if (css > BUDGET.css) problems.push(`CSS ${css.toFixed(1)} kB gzip > ${BUDGET.css} kB`);
  writeFileSync(join(dist, '.size-report.json'), JSON.stringify(report, null, 2));
  return { report, problems };
}

module.exports = { compressAll, checkBudget, BUDGET };
