#!/usr/bin/env node
'use strict';
// `npm run bench:events`: RSVP throughput under contention. N people answer one event with C places,
// `concurrency` requests at a time (every answer takes the event's row lock): answers per second,
// latency p50/p95/p99, and the check that exactly C are GOING and the rest WAITLISTED in order. The
// same N answers spread over 50 events (little contention) are the baseline. Then withdrawals of
// GOING people, each promoting the next in line. See BENCHMARKS.md.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const services = require('./lib/services');
const { graphql } = require('./lib/http');
const { tokensFor } = require('./lib/accounts');
const { summarize, round } = require('./lib/stats');

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '1000' },
    capacity: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '50' },
    withdrawals: { type: 'string', default: '100' },
  },
});
const log = (...parts) => console.log(`[bench:events ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const RSVP = 'mutation($e: ID!, $g: Boolean!) { rsvp(eventId: $e, going: $g) { viewerRsvp } }';

/** Runs `work` over `items`, `concurrency` at a time; returns each call's latency (ms). */
async function pool(items, concurrency, work) {
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const started = performance.now();
        const res = await work(item);
        latencies.push(performance.now() - started);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
      }
    }),
  );
  return latencies;
}

async function measure(label, items, concurrency, work) {
  const started = performance.now();
  const latencies = await pool(items, concurrency, work);
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(latencies);
  const result = {
    answers: items.length,
    perSecond: round(items.length / seconds),
    p50ms: round(summary.p50),
    p95ms: round(summary.p95),
    p99ms: round(summary.p99),
  };
  log(label, result);
  return result;
}

async function main() {
  const people = Number(args.people);
  const capacity = Number(args.capacity);
  const concurrency = Number(args.concurrency);
  const pg = await services.postgresServer(log);
  const db = await services.createBenchDatabase(pg.url);
  const admin = { email: 'admin@bench.test', password: 'bench-password-2026' };
  const app = await services.startApp({
    name: 'events',
    logDir: mkdtempSync(join(tmpdir(), 'maillage-bench-events-logs-')),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'maillage-bench-events-')),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SCALE: '100000',
      BOOTSTRAP_FEDERATION_NAME: 'Fédération du banc',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      ...(process.env.MEILI_URL ? { MEILI_URL: process.env.MEILI_URL } : {}),
    },
  });
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const results = { people, capacity, concurrency };
  try {
    const token = (
      await graphql(app.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
        e: admin.email,
        p: admin.password,
      })
    ).data.login.accessToken;
    const fed = (
      await graphql(app.url, '{ organizations(kind: FEDERATION, first: 1) { edges { node { id } } } }', {}, token)
    ).data.organizations.edges[0].node.id;
    const group = (
      await graphql(
        app.url,
        'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
        { input: { organizationId: fed, name: 'Banc', visibility: 'PUBLIC' } },
        token,
      )
    ).data.createGroup.id;
    const createEvent = async (title, places) =>
      (
        await graphql(
          app.url,
          'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
          {
            input: {
              groupId: group,
              title,
              startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
              endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000).toISOString(),
              capacity: places,
            },
          },
          token,
        )
      ).data.createEvent.id;

    // People with open sessions, made in SQL (logins would measure argon2).
    const { rows } = await sql.query(
      `INSERT INTO users (email, password_hash, display_name)
       SELECT 'banc' || i || '@bench.test', (SELECT password_hash FROM users LIMIT 1), 'Personne ' || i
         FROM generate_series(1, $1) AS i RETURNING id`,
      [people],
    );
    const userIds = rows.map((row) => row.id);
    const tokens = await tokensFor({
      dbUrl: db.url,
      appUrl: app.url,
      jwtSecret: JWT_SECRET,
      userIds,
      emailOf: (i) => `banc${i + 1}@bench.test`,
      password: admin.password,
      log,
    });

    // Baseline: the same answers spread over 50 events (1/50 of the contention).
    const spread = await Promise.all(Array.from({ length: 50 }, (_, i) => createEvent(`Réparti ${i}`, capacity)));
    results.spread = await measure(
      'spread over 50 events',
      tokens.map((t, i) => ({ token: t, event: spread[i % 50] })),
      concurrency,
      ({ token: t, event }) => graphql(app.url, RSVP, { e: event, g: true }, t),
    );

    // Contention: everyone answers one event.
    const event = await createEvent('Assemblée générale', capacity);
    results.contended = await measure(
      'one event',
      tokens.map((t) => ({ token: t })),
      concurrency,
      ({ token: t }) => graphql(app.url, RSVP, { e: event, g: true }, t),
    );
    const counts = (
      await sql.query(
        `SELECT count(*) FILTER (WHERE status = 'GOING')::int AS going,
                count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
           FROM event_rsvps WHERE event_id = $1`,
        [event],
      )
    ).rows[0];
    results.contended.going = counts.going;
    results.contended.waitlisted = counts.waitlisted;
    if (counts.going !== Math.min(capacity, people)) throw new Error(`${counts.going} GOING for ${capacity} places`);

    // Withdrawals: each frees a place for the next in line (a promotion and a notification).
    const going = (
      await sql.query(
        `SELECT user_id FROM event_rsvps WHERE event_id = $1 AND status = 'GOING' ORDER BY seq LIMIT $2`,
        [event, Number(args.withdrawals)],
      )
    ).rows.map((row) => tokens[userIds.indexOf(row.user_id)]);
    const firstWaiting = (
      await sql.query(
        `SELECT user_id FROM event_rsvps WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY seq LIMIT $2`,
        [event, going.length],
      )
    ).rows.map((row) => row.user_id);
    results.withdrawals = await measure(
      'withdrawals (each promotes one)',
      going.map((t) => ({ token: t })),
      concurrency,
      ({ token: t }) => graphql(app.url, RSVP, { e: event, g: false }, t),
    );
    const promoted = (
      await sql.query(
        `SELECT count(*)::int AS n FROM event_rsvps WHERE event_id = $1 AND status = 'GOING' AND user_id = ANY($2::uuid[])`,
        [event, firstWaiting],
      )
    ).rows[0].n;
    results.withdrawals.promotedInOrder = promoted === firstWaiting.length;
    log(JSON.stringify(results));
  } finally {
    await sql.end();
    await app.stop();
    await db.drop();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
