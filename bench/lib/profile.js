'use strict';
// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time per function,
// and per package (node_modules/<pkg>, node internals, our dist/), the figures BENCHMARKS.md quotes.
const { readFileSync } = require('node:fs');

function packageOf(url) {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  if (dist >= 0)
    return `app: ${url
      .slice(dist + 6)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  return url.replace(/^file:\/\//, '');
}

function summarizeProfile(file, top = 20) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map();
  const packages = new Map();
  let idle = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const key = `${callFrame.functionName || '(anonymous)'} ${packageOf(callFrame.url)}${callFrame.url && !callFrame.url.startsWith('node:') ? `:${callFrame.lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
    const pkg = ['(garbage collector)', '(program)'].includes(callFrame.functionName)
      ? callFrame.functionName
      : packageOf(callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  }
  const busy = total - idle;
  const list = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({
        name,
        ms: Math.round(micros / 1000),
        pctOfBusy: Number(((100 * micros) / busy).toFixed(1)),
      }));
  return {
    file,
    wallSeconds: Number((total / 1e6).toFixed(1)),
    busySeconds: Number((busy / 1e6).toFixed(1)),
    topFunctions: list(functions),
    topPackages: list(packages),
  };
}

module.exports = { summarizeProfile };

if (require.main === module) {
  for (const file of process.argv.slice(2)) console.log(JSON.stringify(summarizeProfile(file, 30), null, 2));
}
