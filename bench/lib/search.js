'use strict';
// Search through the real server at a fixed arrival rate (open loop) over a fixed query set, and
// the baseline: the same federated multi-search sent to Meilisearch directly (no GraphQL, no auth,
// no access filter computed from PostgreSQL, no snippet escaping).
const { join } = require('node:path');
const { Client } = require('pg');
const { openLoop } = require('./http');
const { summarize, medianOfRuns } = require('./stats');
const { SEARCH_QUERIES } = require('./text');
const { DIST } = require('./services');
const { pgStats, perOperation, cpuPerOperation } = require('./pg-stats');

const SEARCH = `query Search($q: String!) {
  search(query: $q, first: 20) { estimatedTotal hits { type id title snippet groupId questionId createdAt } }
}`;

const INDEXES = ['questions', 'answers', 'posts', 'groups', 'people'];
const CONTENT = ['questions', 'answers', 'posts'];
// What a hit shows (the app's DISPLAY): the title field and the snippet fields, beside the ids.
const TITLE = { questions: 'title', answers: 'questionTitle', posts: 'body', groups: 'name', people: 'displayName' };
const SNIPPET = {
  questions: ['body', 'title', 'tags'],
  answers: ['body', 'questionTitle'],
  posts: ['body'],
  groups: ['description', 'name', 'topics'],
  people: ['jobTitle', 'skills', 'interests', 'displayName'],
};

/** Private groups each viewer may not read: the filter the app computes per request. */
async function contentFilters(dbUrl, viewers) {
  let readable = `(g.visibility = 'PUBLIC' OR EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.user_id = $1))`;
  try {
    const { GroupAccess } = require(join(DIST, 'access', 'group-access.service.js'));
    readable = new GroupAccess(null).readableGroupSql('g', '$1');
  } catch {
    // the simpler rule above (our viewers administer nothing)
  }
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const out = [];
    for (const viewer of viewers) {
      const { rows } = await db.query(`SELECT g.id FROM groups g WHERE g.visibility = 'PRIVATE' AND NOT ${readable}`, [
        viewer.id,
      ]);
      out.push(rows.length ? `groupId NOT IN [${rows.map((r) => JSON.stringify(r.id)).join(', ')}]` : undefined);
    }
    return out;
  } finally {
    await db.end();
  }
}

function meiliBody(prefix, q, filter) {
  return JSON.stringify({
    federation: { offset: 0, limit: 20 },
    queries: INDEXES.map((index) => ({
      indexUid: `${prefix}_${index}`,
      q,
      ...(CONTENT.includes(index) && filter ? { filter: `(${filter})` } : {}),
      attributesToRetrieve: [...new Set(['id', 'groupId', 'questionId', 'createdAt', TITLE[index], ...SNIPPET[index]])],
      attributesToHighlight: SNIPPET[index],
      attributesToCrop: SNIPPET[index],
      cropLength: 24,
      highlightPreTag: '\u0002',
      highlightPostTag: '\u0003',
    })),
  });
}

async function measureSearch({ apps, viewers, dbUrl, meili, prefix, options, log, meter }) {
  const { runs, seconds, warmup } = options;
  // At most 1.5 requests per second per person: under the app's limit of 120 a minute.
  const searchRate = Math.min(options.searchRate, Math.floor(viewers.length * 1.5));
  const urls = apps.map((a) => a.url);
  const appRequest = (i) => {
    const viewer = viewers[i % viewers.length];
    return {
      url: `${urls[i % urls.length]}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer.token}` },
      body: JSON.stringify({ query: SEARCH, variables: { q: SEARCH_QUERIES[i % SEARCH_QUERIES.length] } }),
      check: (status, text) => status === 200 && !text.includes('"errors"'),
    };
  };
  const filters = await contentFilters(dbUrl, viewers);
  const meiliRequest = (i) => ({
    url: `${meili.url}/multi-search`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
    body: meiliBody(prefix, SEARCH_QUERIES[i % SEARCH_QUERIES.length], filters[i % viewers.length]),
    check: (status) => status === 200,
  });
  // One query of each to make sure both answer, and how many hits a typical query has.
  const hits = [];
  for (let i = 0; i < SEARCH_QUERIES.length; i++) {
    const r = appRequest(i);
    const res = await fetch(r.url, { method: 'POST', headers: r.headers, body: r.body });
    const json = await res.json();
    if (!json.data?.search) throw new Error(`search failed: ${JSON.stringify(json.errors)}`);
    hits.push(json.data.search.hits.length);
  }
  const once = async (makeRequest, label) => {
    const { latencies, errors, errorSamples, sent } = await openLoop({ rate: searchRate, seconds, makeRequest });
    const run = { ...summarize(latencies), sent, errors, rate: searchRate };
    if (errors) log(`    ${errors} errors, e.g. ${errorSamples[0]}`);
    log(
      `  ${label}: p50 ${run.p50?.toFixed(2)} ms, p95 ${run.p95?.toFixed(2)} ms, p99 ${run.p99?.toFixed(2)} ms${errors ? `, ${errors} errors` : ''}`,
    );
    return run;
  };
  // Meilisearch reads its index through the page cache: a cold one answers in hundreds of ms.
  const warmSeconds = Math.max(warmup, Math.min(10, seconds));
  await openLoop({ rate: searchRate, seconds: warmSeconds, makeRequest: appRequest });
  const stats0 = await pgStats(dbUrl);
  const cpu0 = meter.snapshot();
  const app = [];
  for (let r = 0; r < runs; r++) app.push(await once(appRequest, `search ${searchRate}/s run ${r + 1}`));
  const cpu = meter.constructor.delta(cpu0, meter.snapshot());
  const requests = app.reduce((a, r) => a + r.sent, 0);
  const perRequest = {
    cpuMs: cpuPerOperation(cpu, requests),
    database: perOperation(stats0, await pgStats(dbUrl), requests),
  };
  log(
    `  per search request: ${JSON.stringify(perRequest.cpuMs)} CPU ms; ${perRequest.database.xact_commit} SQL statements`,
  );
  const cpuM0 = meter.snapshot();
  await openLoop({ rate: searchRate, seconds: warmSeconds, makeRequest: meiliRequest });
  const direct = [];
  for (let r = 0; r < runs; r++)
    direct.push(await once(meiliRequest, `Meilisearch direct ${searchRate}/s run ${r + 1}`));
  const meiliPerRequest = {
    cpuMs: cpuPerOperation(
      meter.constructor.delta(cpuM0, meter.snapshot()),
      direct.reduce((a, r) => a + r.sent, 0),
    ),
  };
  return {
    perRequest,
    meiliPerRequest,
    queries: SEARCH_QUERIES.length,
    hitsPerQueryMedian: hits.sort((a, b) => a - b)[Math.floor(hits.length / 2)],
    app: { runs: app, median: medianOfRuns(app) },
    meili: { runs: direct, median: medianOfRuns(direct) },
    cpu,
  };
}

module.exports = { measureSearch };
