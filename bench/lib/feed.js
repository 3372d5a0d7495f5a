'use strict';
// The home feed through the real server (autocannon over HTTP), page 1 and a deep page, and its
// baselines: a bare Node http server answering a body of the same size, and the feed's own SQL
// through `pg` (the one statement the app runs for a page: posts, authors, groups, the viewer's
// reactions; no GraphQL, no session check).
const autocannon = require('autocannon');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { Pool } = require('pg');
const { graphql } = require('./http');
const { summarize, medianOfRuns } = require('./stats');
const { DIST, ROOT } = require('./services');
const { pgStats, perOperation, cpuPerOperation } = require('./pg-stats');

const PAGE = 20;
const FEED_QUERY = `query Feed($first: Int!, $after: String) {
  feed(first: $first, after: $after) {
    edges { cursor node {
      id body createdAt editedAt commentCount reactionCount viewerHasReacted
      author { id displayName jobTitle avatarUrl }
      group { id name visibility }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const feedBody = (after, first = PAGE) =>
  JSON.stringify({ query: FEED_QUERY, variables: { first, after: after ?? null } });

/** Walks a viewer's feed through the API to the cursor that opens page `page` (pages of 20). */
async function cursorOfPage(url, token, page) {
  let after = null;
  let position = 0;
  const target = (page - 1) * PAGE;
  while (position < target) {
    const first = Math.min(100, target - position);
    const res = await graphql(url, FEED_QUERY, { first, after }, token);
    const feed = res.data?.feed;
    if (!feed) throw new Error(`feed failed: ${JSON.stringify(res.errors)}`);
    if (feed.edges.length < first) return undefined;
    position += first;
    after = feed.pageInfo.endCursor;
  }
  return after;
}

/** autocannon with every latency kept (its histogram rounds to whole milliseconds). */
function cannon(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ method: 'POST', timeout: 30, ...options }, (err, result) =>
      err ? reject(err) : resolve({ result, latencies }),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
}

function requestsFor(viewers, cursors) {
  return viewers
    .map((viewer, i) => ({ viewer, after: cursors ? cursors[i] : null }))
    .filter(({ after }) => after !== undefined)
    .map(({ viewer, after }) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer.token}` },
      body: feedBody(after),
    }));
}

/** One autocannon run → latency summary + throughput. */
async function httpRun({ urls, requests, connections, seconds }) {
  const { result, latencies } = await cannon({ url: urls, connections, duration: seconds, requests });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    ...summarize(latencies),
    rps: Math.round(result.requests.average),
    total: result.requests.total,
    errors: non2xx,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  };
}

async function repeat(runs, once, label, log) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const run = await once();
    log(
      `  ${label} run ${r + 1}: p50 ${run.p50?.toFixed(2)} ms, p99 ${run.p99?.toFixed(2)} ms, ${run.rps} req/s${run.errors ? `, ${run.errors} errors` : ''}`,
    );
    out.push(run);
  }
  return { runs: out, median: medianOfRuns(out) };
}

/** The feed SQL the app runs, from the build (or the committed copy in docs/queries). */
function feedSql() {
  try {
    const { feedSql: appFeedSql } = require(join(DIST, 'modules', 'posts', 'posts.service.js'));
    const { GroupAccess } = require(join(DIST, 'access', 'group-access.service.js'));
    return appFeedSql(new GroupAccess(null).readableGroupSql('g', '$1'));
  } catch {
    return readFileSync(join(ROOT, 'docs', 'queries', 'feed.sql'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n');
  }
}

/** Decodes one of our cursors for the SQL baseline (clients never do this; the benchmark may). */
const cursorKey = (cursor) => (cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : [null, null]);

/** The feed SQL alone, closed loop with `connections` workers, for `seconds`. */
async function sqlRun({ pool, sql, viewers, cursors, connections, seconds }) {
  const params = viewers
    .map((v, i) => ({ v, key: cursorKey(cursors ? cursors[i] : null), skip: cursors && cursors[i] === undefined }))
    .filter((p) => !p.skip)
    .map(({ v, key }) => [v.id, key[0], key[1], PAGE + 1]);
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const p = params[next++ % params.length];
        const t0 = performance.now();
        try {
          await pool.query(sql, p);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { ...summarize(latencies), rps: Math.round(latencies.length / seconds), total: latencies.length, errors };
}

async function explainFeed(dbUrl, sql, viewer, cursor) {
  const pool = new Pool({ connectionString: dbUrl, max: 1 });
  try {
    const key = cursorKey(cursor);
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [viewer.id, key[0], key[1], PAGE + 1]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await pool.end();
  }
}

/**
 * Everything about the feed. `viewers` [{ id, token }], `deepPage` the page number to compare
 * with page 1, `baselineUrls` the bare http servers (started by the caller with a body of
 * `sampleBody()`'s size).
 */
async function measureFeed({ apps, viewers, deepPage, dbUrl, options, log, startBareHttp, meter }) {
  const urls = apps.map((a) => a.url);
  const { runs, seconds, warmup, concurrency } = options;
  const page1 = requestsFor(viewers);
  // Walking to page 500 costs 100 requests of 100 posts per viewer: a handful of deep viewers.
  const deepCount = Math.min(viewers.length, 6);
  log(`  walking ${deepCount} viewers' feeds to page ${deepPage}…`);
  const cursors = new Array(viewers.length);
  let nextViewer = 0;
  await Promise.all(
    [0, 1, 2, 3].map(async (w) => {
      while (nextViewer < deepCount) {
        const i = nextViewer++;
        cursors[i] = await cursorOfPage(urls[w % urls.length], viewers[i].token, deepPage);
      }
    }),
  );
  const deepReady = cursors.filter((c) => c !== undefined).length;
  if (!deepReady) throw new Error(`no viewer has ${deepPage} pages of feed`);
  const deep = requestsFor(viewers, cursors);
  // A sample page-1 response: its size is the bare server's body, and it must be a full page.
  const sample = await fetch(`${urls[0]}/graphql`, { method: 'POST', headers: page1[0].headers, body: page1[0].body });
  const sampleText = await sample.text();
  const parsed = JSON.parse(sampleText);
  if (!parsed.data?.feed || parsed.data.feed.edges.length !== PAGE)
    throw new Error(`feed sample is not a full page: ${sampleText.slice(0, 300)}`);

  log(`  warm-up ${warmup} s`);
  await httpRun({ urls, requests: page1, connections: concurrency, seconds: warmup });
  await httpRun({ urls, requests: deep, connections: 2, seconds: Math.max(1, warmup / 2) });

  const out = {
    page: PAGE,
    deepPage,
    viewers: viewers.length,
    deepViewers: deepReady,
    responseBytes: Buffer.byteLength(sampleText),
    concurrency,
  };
  const cpu0 = meter.snapshot();
  out.page1Latency = await repeat(
    runs,
    () => httpRun({ urls: [urls[0]], requests: page1, connections: 1, seconds }),
    'feed page 1, c=1',
    log,
  );
  out.deepLatency = await repeat(
    runs,
    () => httpRun({ urls: [urls[0]], requests: deep, connections: 1, seconds }),
    `feed page ${deepPage}, c=1`,
    log,
  );
  const stats0 = await pgStats(dbUrl);
  const cpuT0 = meter.snapshot();
  out.throughput = await repeat(
    runs,
    () => httpRun({ urls, requests: page1, connections: concurrency, seconds }),
    `feed page 1, c=${concurrency}`,
    log,
  );
  const cpuT1 = meter.snapshot();
  const requests = out.throughput.runs.reduce((a, r) => a + r.total, 0);
  out.perRequest = {
    cpuMs: cpuPerOperation(meter.constructor.delta(cpuT0, cpuT1), requests),
    database: perOperation(stats0, await pgStats(dbUrl), requests),
  };
  log(
    `  per feed request: ${JSON.stringify(out.perRequest.cpuMs)} CPU ms; ${out.perRequest.database.xact_commit} SQL statements`,
  );
  out.cpu = meter.constructor.delta(cpu0, meter.snapshot());

  // Baseline 1: bare http, same body size, same topology (two processes), same load.
  const bare = await startBareHttp(sampleText);
  try {
    const bareUrls = bare.map((b) => b.url);
    await httpRun({ urls: bareUrls, requests: page1, connections: concurrency, seconds: warmup });
    out.bareLatency = await repeat(
      runs,
      () => httpRun({ urls: [bareUrls[0]], requests: page1, connections: 1, seconds }),
      'bare http, c=1',
      log,
    );
    out.bareThroughput = await repeat(
      runs,
      () => httpRun({ urls: bareUrls, requests: page1, connections: concurrency, seconds }),
      `bare http, c=${concurrency}`,
      log,
    );
  } finally {
    for (const b of bare) {
      await b.stop();
      meter.untrack(b.name);
    }
  }

  // Baseline 2: the feed's SQL through pg.
  const sql = feedSql();
  const pool = new Pool({ connectionString: dbUrl, max: concurrency });
  try {
    await sqlRun({ pool, sql, viewers, connections: concurrency, seconds: warmup });
    out.sqlPage1Latency = await repeat(
      runs,
      () => sqlRun({ pool, sql, viewers, connections: 1, seconds }),
      'feed SQL page 1, c=1',
      log,
    );
    out.sqlDeepLatency = await repeat(
      runs,
      () => sqlRun({ pool, sql, viewers, cursors, connections: 1, seconds }),
      `feed SQL page ${deepPage}, c=1`,
      log,
    );
    out.sqlThroughput = await repeat(
      runs,
      () => sqlRun({ pool, sql, viewers, connections: concurrency, seconds }),
      `feed SQL, c=${concurrency}`,
      log,
    );
  } finally {
    await pool.end();
  }
  const explainViewer = cursors.findIndex((c) => c !== undefined);
  out.explain = {
    page1: await explainFeed(dbUrl, sql, viewers[explainViewer], null),
    deep: await explainFeed(dbUrl, sql, viewers[explainViewer], cursors[explainViewer]),
  };
  out.sql = sql;
  return out;
}

module.exports = { measureFeed, FEED_QUERY, httpRun, repeat, requestsFor, explainFeed, feedSql };
