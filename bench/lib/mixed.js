'use strict';
// Light mixed load on ONE instance, open loop (requests leave on schedule whatever the answers do):
// the feed at 60/s, search at 50/s, each alone, then feed + search + chat together, as a day of
// ordinary use looks. Reports p50/p95/p99/max of each, and from inside the app (bench/lib/loop-probe.js)
// the event-loop delay and garbage-collection pauses of the same seconds, to tell where a tail comes from.
const { readFileSync, existsSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { openLoop } = require('./http');
const { summarize, medianOfRuns } = require('./stats');
const { SEARCH_QUERIES } = require('./text');
const { FEED_QUERY } = require('./feed');

const SEARCH = `query Search($q: String!) {
  search(query: $q, first: 20) { estimatedTotal hits { type id title snippet groupId questionId createdAt } }
}`;
const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

const graphqlRequest = (url, token, query, variables) => ({
  url: `${url}/graphql`,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, variables }),
  check: (status, text) => status === 200 && !text.includes('"errors"'),
});

/** The probe's lines written between t0 and t1 (epoch ms), summarised. */
function probeWindow(file, t0, t1) {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((l) => l.t > t0 && l.t <= t1 + 1000);
  if (!lines.length) return null;
  const max = (k) => Math.max(...lines.map((l) => l[k]));
  const sorted = lines.map((l) => l.p99).sort((a, b) => a - b);
  return {
    seconds: lines.length,
    loopP99MedianMs: sorted[Math.floor(sorted.length / 2)],
    loopP99WorstMs: max('p99'),
    loopMaxMs: max('max'),
    gcMsPerSecond: Number((lines.reduce((a, l) => a + l.gcMs, 0) / lines.length).toFixed(2)),
    gcPauseMaxMs: max('gcMaxMs'),
    rssMbMax: max('rssMb'),
  };
}

async function round(label, loads, probeFile, log) {
  const t0 = Date.now();
  const results = await Promise.all(loads.map((l) => openLoop(l)));
  const t1 = Date.now();
  const out = { label };
  loads.forEach((l, i) => {
    const r = results[i];
    out[l.name] = { ...summarize(r.latencies), rate: l.rate, sent: r.sent, errors: r.errors };
    if (r.errors) log(`    ${l.name}: ${r.errors} errors, e.g. ${r.errorSamples[0]}`);
  });
  out.app = probeWindow(probeFile, t0, t1);
  const f = (k) => {
    const s = out[k];
    return s ? `${k} p50 ${s.p50?.toFixed(1)} p99 ${s.p99?.toFixed(1)} max ${s.max?.toFixed(1)} ms` : '';
  };
  log(
    `  ${label}: ${loads.map((l) => f(l.name)).join('; ')}; event loop p99 ${out.app?.loopP99MedianMs} ms (worst ${out.app?.loopP99WorstMs}), GC ${out.app?.gcMsPerSecond} ms/s, RSS ≤ ${out.app?.rssMbMax} MB`,
  );
  return out;
}

/**
 * `app` {url} one instance started with the loop probe writing to `probeFile`; `viewers` and `searchers`
 * [{token}]; `chatters` [{token, conversationId}].
 */
async function measureMixed({ app, probeFile, viewers, searchers, chatters, options, log }) {
  const { runs, seconds, warmup } = options;
  const feedRate = 60;
  // The app allows 120 searches a minute per person: spread the rate over the searchers.
  const searchRate = Math.min(options.searchRate, Math.floor(searchers.length * 1.5));
  const mixedSearchRate = Math.min(20, searchRate);
  const chatRate = Math.min(10, chatters.length * 2);
  const feed = (rate) => ({
    name: 'feed',
    rate,
    seconds,
    makeRequest: (i) =>
      graphqlRequest(app.url, viewers[i % viewers.length].token, FEED_QUERY, { first: 20, after: null }),
  });
  const search = (rate) => ({
    name: 'search',
    rate,
    seconds,
    makeRequest: (i) =>
      graphqlRequest(app.url, searchers[i % searchers.length].token, SEARCH, {
        q: SEARCH_QUERIES[i % SEARCH_QUERIES.length],
      }),
  });
  const chat = (rate) => ({
    name: 'chat',
    rate,
    seconds,
    makeRequest: (i) => {
      const c = chatters[i % chatters.length];
      return graphqlRequest(app.url, c.token, SEND, {
        input: { conversationId: c.conversationId, clientId: randomUUID(), body: `Message de charge ${i}` },
      });
    },
  });
  log(`  mixed: warm-up ${warmup} s`);
  await Promise.all([openLoop({ ...feed(feedRate), seconds: warmup }), openLoop({ ...search(10), seconds: warmup })]);
  const phases = {
    feedAlone: [feed(feedRate)],
    searchAlone: [search(searchRate)],
    together: [feed(feedRate), search(mixedSearchRate), chat(chatRate)],
  };
  const out = {
    instances: 1,
    rates: { feed: feedRate, search: searchRate, mixedSearch: mixedSearchRate, chat: chatRate },
  };
  for (const [name, loads] of Object.entries(phases)) {
    const rounds = [];
    for (let r = 0; r < runs; r++) rounds.push(await round(`${name} run ${r + 1}`, loads, probeFile, log));
    const median = {};
    for (const l of loads) median[l.name] = medianOfRuns(rounds.map((x) => x[l.name]));
    median.app = medianOfRuns(rounds.map((x) => x.app ?? {}));
    out[name] = { rounds, median };
  }
  return out;
}

module.exports = { measureMixed };
