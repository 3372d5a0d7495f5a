'use strict';
// Indexing through the real path: `search.index` jobs queued (as every write does), drained by
// the app instances' indexers into Meilisearch. Timed per kind until Meilisearch has applied it all.
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { graphql } = require('./http');
const { summarize, medianOfRuns, percentile } = require('./stats');
const { sleep } = require('./services');

const KINDS = [
  { kind: 'person', table: 'users', where: 'deactivated_at IS NULL' },
  { kind: 'group', table: 'groups', where: 'true' },
  { kind: 'question', table: 'questions', where: 'deleted_at IS NULL' },
  { kind: 'answer', table: 'answers', where: 'deleted_at IS NULL' },
  { kind: 'post', table: 'posts', where: 'deleted_at IS NULL' },
];

async function meiliPending(meili) {
  const headers = { authorization: `Bearer ${meili.masterKey}` };
  const pending = await (await fetch(`${meili.url}/tasks?statuses=enqueued,processing&limit=1`, { headers })).json();
  return pending.total ?? pending.results?.length ?? 0;
}

/** Failed Meilisearch tasks, by type and error code (two instances starting together may both create an index). */
async function meiliFailed(meili) {
  const headers = { authorization: `Bearer ${meili.masterKey}` };
  const failed = await (await fetch(`${meili.url}/tasks?statuses=failed&limit=1000`, { headers })).json();
  const byKind = {};
  for (const task of failed.results ?? []) {
    const key = `${task.type}: ${task.error?.code ?? '?'}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  }
  const documents = (failed.results ?? []).filter((t) => t.type.startsWith('document')).length;
  return { total: failed.total ?? 0, documentTasks: documents, byKind };
}

/** Queues every document of every kind, one kind at a time, and times each until searchable. */
async function indexAll({ dbUrl, meili, log }) {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  const perKind = {};
  try {
    for (const { kind, table, where } of KINDS) {
      const t0 = performance.now();
      const { rowCount } = await db.query(
        `INSERT INTO jobs (name, payload) SELECT 'search.index', jsonb_build_object('kind', $1::text, 'id', id)
           FROM ${table} WHERE ${where}`,
        [kind],
      );
      await db.query(`SELECT pg_notify('maillage_jobs', 'search.index')`);
      let drainedAt;
      let lastCount = Infinity;
      let lastProgress = performance.now();
      for (;;) {
        await sleep(250);
        const { rows } = await db.query(
          `SELECT count(*)::int AS n, max(attempts)::int AS attempts, max(last_error) AS error FROM jobs
            WHERE name = 'search.index' AND state IN ('queued', 'running')`,
        );
        const { n, attempts, error } = rows[0];
        if (n === 0) {
          drainedAt ??= performance.now();
          if ((await meiliPending(meili)) === 0) break;
        }
        // An indexer that keeps failing, or no progress for two minutes: stop, say why.
        if (attempts >= 5) throw new Error(`the app's search indexer keeps failing on ${kind} documents: ${error}`);
        if (n < lastCount) {
          lastCount = n;
          lastProgress = performance.now();
        } else if (n > 0 && performance.now() - lastProgress > 120_000) {
          throw new Error(`the search queue has not shrunk for 2 minutes (${n} ${kind} rows left)`);
        }
      }
      const seconds = (performance.now() - t0) / 1000;
      perKind[kind] = {
        documents: rowCount,
        seconds: Number(seconds.toFixed(2)),
        documentsPerSecond: Math.round(rowCount / seconds),
        outboxDrainedSeconds: Number(((drainedAt - t0) / 1000).toFixed(2)),
      };
      log(
        `  indexed ${rowCount.toLocaleString('en')} ${kind} documents in ${seconds.toFixed(1)} s (outbox drained in ${perKind[kind].outboxDrainedSeconds} s)`,
      );
    }
  } finally {
    await db.end();
  }
  const documents = Object.values(perKind).reduce((a, k) => a + k.documents, 0);
  const seconds = Object.values(perKind).reduce((a, k) => a + k.seconds, 0);
  return {
    perKind,
    documents,
    seconds: Number(seconds.toFixed(2)),
    documentsPerSecond: Math.round(documents / seconds),
    failedTasks: await meiliFailed(meili),
  };
}

const CREATE_POST = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }';
const SEARCH = 'query($q: String!) { search(query: $q, types: [POST], first: 5) { hits { id } } }';

const letters = (n) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** The Meilisearch task that carried the first document write enqueued after `sinceMs` (wall clock). */
async function firstPostTaskSince(meili, prefix, sinceMs) {
  const headers = { authorization: `Bearer ${meili.masterKey}` };
  const params = new URLSearchParams({
    indexUids: `${prefix}_posts`,
    types: 'documentAdditionOrUpdate',
    afterEnqueuedAt: new Date(sinceMs).toISOString(),
    limit: '20',
  });
  const { results = [] } = await (await fetch(`${meili.url}/tasks?${params}`, { headers })).json();
  const task = results.sort((a, b) => a.uid - b.uid)[0];
  if (!task?.finishedAt) return undefined;
  return {
    enqueuedAt: Date.parse(task.enqueuedAt),
    startedAt: Date.parse(task.startedAt),
    finishedAt: Date.parse(task.finishedAt),
  };
}

/**
 * Write-to-searchable lag: a post is created through GraphQL; from its acknowledgement, the app's
 * search is polled every 25 ms (alternating instances) until the post is a hit. Each sample is
 * broken down with Meilisearch's own task times: outbox → Meilisearch (the app's indexer), waiting
 * in Meilisearch's queue, indexing, and the rest (the next poll).
 */
async function measureLag({ apps, writers, searchers, samples, runs, log, meili, prefix }) {
  let polls = 0;
  const results = [];
  for (let run = 0; run < runs; run++) {
    const lags = [];
    const parts = { indexer: [], queued: [], indexing: [], found: [] };
    let timeouts = 0;
    for (let i = 0; i < samples; i++) {
      const word = `sonde${letters(10)}`;
      const writer = writers[(run * samples + i) % writers.length];
      const startWall = Date.now();
      const created = await graphql(
        apps[i % apps.length].url,
        CREATE_POST,
        { input: { groupId: writer.groupId, body: `Publication de mesure ${word} pour le banc d’essai.` } },
        writer.token,
      );
      const id = created.data?.createPost?.id;
      if (!id) throw new Error(`createPost failed: ${JSON.stringify(created.errors)}`);
      const written = performance.now();
      const writtenWall = Date.now();
      let found;
      for (let poll = 0; !found && performance.now() - written < 15_000; poll++) {
        const searcher = searchers[polls++ % searchers.length];
        const res = await graphql(apps[poll % apps.length].url, SEARCH, { q: word }, searcher.token);
        if (res.data?.search?.hits?.some((hit) => hit.id === id)) found = performance.now();
        else await sleep(25);
      }
      // A sample that never showed counts as 15 s (a lower bound), so it weighs on the percentiles.
      if (found) lags.push(found - written);
      else {
        timeouts++;
        lags.push(15_000);
      }
      const task = await firstPostTaskSince(meili, prefix, startWall).catch(() => undefined);
      if (!found || found - written > 2000) {
        // A slow one: say where it was (Meilisearch's task times, and whether Meilisearch itself finds it).
        const direct = await fetch(`${meili.url}/indexes/${prefix}_posts/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
          body: JSON.stringify({ q: word, limit: 5 }),
        })
          .then((r) => r.json())
          .catch(() => ({}));
        const rel = (ms) => (ms === undefined ? '?' : `${(ms - writtenWall).toFixed(0)} ms`);
        log(
          `    slow sample: ${found ? `found after ${(found - written).toFixed(0)} ms` : 'not found within 15 s'}; ` +
            `task enqueued ${rel(task?.enqueuedAt)}, started ${rel(task?.startedAt)}, finished ${rel(task?.finishedAt)} after the write; ` +
            `Meilisearch direct: ${direct.hits?.some((h) => h.id === id) ? 'found' : 'not found'}`,
        );
      }
      if (task && found) {
        parts.indexer.push(task.enqueuedAt - writtenWall);
        parts.queued.push(task.startedAt - task.enqueuedAt);
        parts.indexing.push(task.finishedAt - task.startedAt);
        parts.found.push(writtenWall + (found - written) - task.finishedAt);
      }
      await sleep(150);
    }
    const breakdown = Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95) }]),
    );
    const summary = { ...summarize(lags), timeouts, breakdown };
    log(
      `  write→searchable run ${run + 1}: p50 ${summary.p50?.toFixed(0)} ms, p95 ${summary.p95?.toFixed(0)} ms, ${timeouts} timeouts; ` +
        `p50 parts: indexer ${breakdown.indexer.p50?.toFixed(0)} ms, Meilisearch queue ${breakdown.queued.p50?.toFixed(0)} ms, indexing ${breakdown.indexing.p50?.toFixed(0)} ms, found ${breakdown.found.p50?.toFixed(0)} ms`,
    );
    results.push(summary);
  }
  return { runs: results, median: medianOfRuns(results.map(({ breakdown: _parts, ...rest }) => rest)) };
}

module.exports = { indexAll, measureLag, meiliPending };
