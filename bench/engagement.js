#!/usr/bin/env node
'use strict';
// `npm run bench:engagement [-- --scale S --runs N]`: seeds the benchmark federation (bench/lib/dataset.js),
// adds login sessions (the dataset has none), then times the `engagement` query through the real
// server for the federation, a region and an association over 30, 90 and 365 days: p50/p95/max.
const { randomBytes } = require('node:crypto');
const { mkdirSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const services = require('./lib/services');
const { seedDataset } = require('./lib/dataset');
const { tokensFor } = require('./lib/accounts');
const { graphql } = require('./lib/http');
const { summarize } = require('./lib/stats');

const PASSWORD = 'bench-password-2026';
const QUERY = `query($id: ID!, $days: Int!) { engagement(organizationId: $id, days: $days) {
  computedAt people contributors activeReaders newMembers questionsAsked answeredWithin48hRate
  medianHoursToFirstAnswer p80HoursToFirstAnswer announcementReach
  superMembers { score user { id displayName } } dormantAssociations { id name }
  byAssociation { organization { id name } contributors activeReaders newMembers questionsAsked
    answeredWithin48hRate medianHoursToFirstAnswer p80HoursToFirstAnswer } } }`;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
  },
});
const scale = Number(args.scale);
const runs = Number(args.runs);
const started = performance.now();
const log = (message) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** Sessions for 70 % of the people, last used at a time spread over the last 400 days (deterministic). */
async function seedSessions(url, users) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const ids = [];
    const ages = [];
    users.forEach((id, i) => {
      if (i % 10 < 7) {
        ids.push(id);
        ages.push(((i * 7919) % 400) + ((i * 31) % 24) / 24);
      }
    });
    for (let i = 0; i < ids.length; i += 10_000)
      await client.query(
        `INSERT INTO sessions (user_id, user_agent, created_at, last_used_at)
         SELECT u, 'maillage-bench', now() - (a + 1) * interval '1 day', now() - a * interval '1 day'
           FROM unnest($1::uuid[], $2::float8[]) AS t(u, a)`,
        [ids.slice(i, i + 10_000), ages.slice(i, i + 10_000)],
      );
    await client.query('ANALYZE sessions');
    const { rows } = await client.query(
      `SELECT (SELECT id FROM organizations WHERE kind = 'REGION' ORDER BY slug LIMIT 1) AS region,
              (SELECT id FROM organizations WHERE kind = 'ASSOCIATION' ORDER BY slug LIMIT 1) AS association`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

async function main() {
  const cleanups = [];
  const workDir = join(os.tmpdir(), `maillage-bench-engagement-${Date.now().toString(36)}`);
  mkdirSync(workDir, { recursive: true });
  try {
    const pg = await services.postgresServer(log);
    cleanups.push(pg.stop);
    const db = await services.createBenchDatabase(pg.url);
    if (!args.keep) cleanups.push(db.drop);
    const { migrate } = require(join(services.DIST, 'infra', 'database', 'data-source.js'));
    await migrate(db.url);
    log(`seeding scale ${scale} into ${db.name}…`);
    const passwordHash = await require('argon2').hash(PASSWORD, { type: require('argon2').argon2id });
    const dataset = await seedDataset({ url: db.url, scale, passwordHash, log });
    const orgs = await seedSessions(db.url, dataset.users);
    const meili = await services.startMeilisearch(workDir);
    cleanups.push(meili.stop);
    const jwtSecret = randomBytes(32).toString('hex');
    const app = await services.startApp({
      name: 'app',
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        MEILI_INDEX_PREFIX: 'bench',
        JWT_SECRET: jwtSecret,
        DATA_DIR: join(workDir, 'app-data'),
        LOG_LEVEL: 'warn',
      },
      logDir: workDir,
    });
    cleanups.push(app.stop);
    const [token] = await tokensFor({
      dbUrl: db.url,
      appUrl: app.url,
      jwtSecret,
      userIds: [dataset.users[0]],
      emailOf: () => 'user0@bench.maillage.test',
      password: PASSWORD,
      log,
    });
    const cases = [];
    for (const [label, id] of [
      ['federation', dataset.federation],
      ['region', orgs.region],
      ['association', orgs.association],
    ])
      for (const days of [30, 90, 365]) cases.push({ label, id, days });
    const results = [];
    for (const c of cases) {
      const latencies = [];
      let figures;
      for (let i = 0; i < runs + 2; i++) {
        const t0 = performance.now();
        const res = await graphql(app.url, QUERY, { id: c.id, days: c.days }, token);
        const ms = performance.now() - t0;
        if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
        if (i >= 2) latencies.push(ms); // two warm-up calls
        figures = res.data.engagement;
      }
      const s = summarize(latencies);
      results.push({ ...c, ...s });
      log(
        `${c.label.padEnd(11)} ${String(c.days).padStart(3)} days: p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms ` +
          `(people ${figures.people}, contributors ${figures.contributors}, readers ${figures.activeReaders}, questions ${figures.questionsAsked}, ` +
          `associations ${figures.byAssociation.length})`,
      );
    }
    process.stdout.write(
      `${JSON.stringify({ scale, runs, users: dataset.size.users, cpus: os.cpus().length, results }, null, 2)}\n`,
    );
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
