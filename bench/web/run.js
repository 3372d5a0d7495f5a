#!/usr/bin/env node
'use strict';
// `npm run bench:web`: how fast the web client's feed route paints on a slow phone. Headless Chromium
// with its CPU slowed 4x, a phone-sized window, a cold cache: largest contentful paint (LCP) and total
// blocking time (TBT, the part of each long task beyond 50 ms after the first paint), median of N runs,
// beside a bare static page served from the same machine as the baseline. Measured, never asserted.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { createServer } = require('node:http');
const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const { browserExecutable, launchChromium } = require('../../scripts/chromium');

const ROOT = join(__dirname, '..', '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    slowdown: { type: 'string', default: '4' },
    posts: { type: 'string', default: '30' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results') },
  },
});
const RUNS = Number(args.runs);
const SLOWDOWN = Number(args.slowdown);
const ADMIN = { email: 'bench.web@federation.test', password: 'bench-web-password-2026' };

/** Records paints and long tasks from the very start of the page (injected before any script of it). */
const OBSERVE = `
  window.__perf = { lcp: 0, fcp: 0, longTasks: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__perf.fcp = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

/** A bare page: one heading, one paragraph, no script: what the network and the browser cost alone. */
const BARE_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Référence</title></head>
<body><h1>Fil d'actualité</h1><p>Une page statique, sans script ni feuille de style, sert de référence à la mesure.</p></body></html>`;

function startApp(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      BOOTSTRAP_FEDERATION_NAME: 'Fédération de mesure',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${output}`)), 120_000);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+)","graphql"/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ url: match[1], stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
      }
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}):\n${output}`)));
  });
}

async function gql(url, query, variables, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A group of the federation with `count` posts: the feed route shows its newest page (20 posts). */
async function seed(url, count) {
  const { login } = await gql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
    e: ADMIN.email,
    p: ADMIN.password,
  });
  const token = login.accessToken;
  const { organizations } = await gql(url, '{ organizations(kind: FEDERATION, first: 1) { edges { node { id } } } }', {}, token);
  const { createGroup } = await gql(
    url,
    'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
    { input: { organizationId: organizations.edges[0].node.id, name: 'Vie de la fédération', visibility: 'PUBLIC' } },
    token,
  );
  for (let i = 1; i <= count; i += 1) {
    await gql(
      url,
      'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
      {
        input: {
          groupId: createGroup.id,
          body: `Publication ${i} : le calendrier des rencontres régionales est en ligne. Merci aux bénévoles qui ont préparé les terrains et l'accueil des équipes.`,
        },
      },
      token,
    );
  }
}

/**
 * One cold load of `url` on a phone with a slowed CPU; `before` may log in (it sets the cookie);
 * `ready` waits for what the page is for (the feed's posts), so the paint measured is the real one.
 */
async function measure(browser, url, before, ready) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  try {
    if (before) await before(context);
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    await page.goto(url, { waitUntil: 'load' });
    if (ready) await ready(page);
    // Settled: no long task for a second and a half after the load (at most 15 s).
    const deadline = Date.now() + 15_000;
    let seen = -1;
    for (;;) {
      await page.waitForTimeout(1_500);
      const count = await page.evaluate('window.__perf.longTasks.length');
      if (count === seen || Date.now() > deadline) break;
      seen = count;
    }
    const perf = await page.evaluate('window.__perf');
    const tbt = perf.longTasks
      .filter(([start]) => start >= perf.fcp)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return { lcp: perf.lcp, fcp: perf.fcp, tbt };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-bench-web-'));
  const bare = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BARE_PAGE));
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${bare.address().port}/`;
  process.stdout.write('bench:web: starting the app (embedded PostgreSQL and Meilisearch)…\n');
  const app = await startApp(dataDir);
  const browser = await launchChromium();
  try {
    await seed(app.url, Number(args.posts));
    const { source, executablePath } = await browserExecutable();
    const login = async (context) => {
      const response = await context.request.post(`${app.url}/auth/login`, {
        headers: { origin: app.url, 'content-type': 'application/json' },
        data: ADMIN,
      });
      if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
    };
    // The feed counts once its posts are on screen (a post card is an <article>), not at its loading state.
    const feedShown = (page) => page.getByRole('article').first().waitFor({ timeout: 30_000 });
    const results = { bare: [], feed: [] };
    for (let run = 0; run < RUNS; run += 1) {
      // Interleaved, so both see the same moments of a shared, noisy machine.
      results.bare.push(await measure(browser, bareUrl));
      results.feed.push(await measure(browser, `${app.url}/`, login, feedShown));
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([name, runs]) => [
        name,
        {
          lcpMs: Math.round(median(runs.map((r) => r.lcp))),
          tbtMs: Math.round(median(runs.map((r) => r.tbt))),
          fcpMs: Math.round(median(runs.map((r) => r.fcp))),
          runs: runs.map((r) => ({ lcpMs: Math.round(r.lcp), tbtMs: Math.round(r.tbt), fcpMs: Math.round(r.fcp) })),
        },
      ]),
    );
    const report = {
      date: new Date().toISOString(),
      browser: `${source} ${executablePath} ${browser.version()}`,
      cpuSlowdown: SLOWDOWN,
      runs: RUNS,
      viewport: '412x823 @1.75, mobile',
      ...summary,
    };
    mkdirSync(args.out, { recursive: true });
    const file = join(args.out, `web-${report.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    process.stdout.write(
      `\n| page | LCP (median) | TBT (median) | FCP (median) | runs (LCP/TBT ms) |\n| --- | --- | --- | --- | --- |\n` +
        Object.entries(summary)
          .map(
            ([name, s]) =>
              `| ${name === 'bare' ? 'bare static page (baseline)' : 'feed route `/`'} | ${s.lcpMs} ms | ${s.tbtMs} ms | ${s.fcpMs} ms | ${s.runs.map((r) => `${r.lcpMs}/${r.tbtMs}`).join(', ')} |`,
          )
          .join('\n') +
        `\n\nChromium ${browser.version()} (${source}), CPU ${SLOWDOWN}x slower, median of ${RUNS}. Written to ${file}\n`,
    );
  } finally {
    await browser.close();
    await app.stop();
    bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
