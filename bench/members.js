#!/usr/bin/env node
'use strict';
// `npm run bench:members`: member filters at federation scale (issue 14). Builds a federation of
// `--people` people in `--associations` associations under 12 regions (categories, dues payments
// over three years, join dates), straight in PostgreSQL, then measures over HTTP, one request at a
// time: (1) a segment's live count over the whole federation (`countMembers`, the statement behind
// `Segment.memberCount`), (2) the first page of `members` with three filters and its exact
// `totalCount`, each p50/p95/p99; baselines: the bare SQL count of the federation's memberships and
// the same filtered count run directly in SQL (no HTTP, GraphQL or access check). See BENCHMARKS.md.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const services = require('./lib/services');
const { graphql } = require('./lib/http');
const { summarize, round } = require('./lib/stats');

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '20000' },
    associations: { type: 'string', default: '200' },
    samples: { type: 'string', default: '50' },
    // Keep the database afterwards (to EXPLAIN a query on it); its URL is printed.
    keep: { type: 'boolean', default: false },
  },
});
const log = (...parts) => console.log(`[bench:members ${new Date().toISOString().slice(11, 19)}]`, ...parts);

const SEGMENT = { includeDescendants: true, duesStatus: ['UP_TO_DATE'] };
const THREE_FILTERS = {
  includeDescendants: true,
  categories: ['ADHERENT'],
  duesStatus: ['UP_TO_DATE', 'GRACE'],
  joinedWithinDays: 365,
};

/** The dataset, in a few set-based statements (seeded, so every run builds the same one). */
async function seed(sql, fed, people, associations) {
  await sql.query('SELECT setseed(0.42)');
  await sql.query(
    `INSERT INTO organizations (name, slug, kind, parent_id, ancestor_ids)
     SELECT 'Région ' || i, 'region-' || i, 'REGION', $1, ARRAY[$1::uuid] FROM generate_series(1, 12) AS i`,
    [fed],
  );
  await sql.query(
    `INSERT INTO organizations (name, slug, kind, parent_id, ancestor_ids)
     SELECT 'Club ' || i, 'club-' || i, 'ASSOCIATION', r.id, ARRAY[$1::uuid, r.id]
       FROM generate_series(1, $2::int) AS i
       JOIN LATERAL (SELECT id FROM organizations WHERE kind = 'REGION' ORDER BY slug OFFSET (i % 12) LIMIT 1) AS r ON true`,
    [fed, associations],
  );
  await sql.query(
    `INSERT INTO users (email, password_hash, display_name, skills)
     SELECT 'personne.' || i || '@bench.test', 'x', (ARRAY['Léa','Hugo','Zoé','Noël','Inès','Yann'])[1 + i % 6] || ' Nom' || i,
            CASE WHEN i % 7 = 0 THEN ARRAY['comptabilité'] ELSE '{}' END
       FROM generate_series(1, $1::int) AS i`,
    [people],
  );
  // Everyone in one club; one in ten in a second one.
  await sql.query(
    `WITH clubs AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM organizations WHERE kind = 'ASSOCIATION'),
          people AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE '%@bench.test')
     INSERT INTO organization_memberships (organization_id, user_id, role, created_at, categories)
     SELECT c.id, p.id, 'MEMBER', now() - random() * interval '1100 days',
            (CASE WHEN random() < 0.8 THEN ARRAY['ADHERENT'] ELSE '{}' END) || (CASE WHEN random() < 0.2 THEN ARRAY['BENEVOLE'] ELSE '{}' END)
       FROM people p JOIN clubs c ON c.n = p.n % $1
     UNION ALL
     SELECT c.id, p.id, 'MEMBER', now() - random() * interval '1100 days', ARRAY['BENEVOLE']
       FROM people p JOIN clubs c ON c.n = (p.n * 7 + 3) % $1 WHERE p.n % 10 = 0 AND (p.n * 7 + 3) % $1 <> p.n % $1`,
    [associations],
  );
  // Yearly dues: each membership paid some of the last three years (a calendar year each).
  await sql.query(
    `INSERT INTO dues_payments (organization_id, user_id, amount_cents, paid_on, period_start, period_end)
     SELECT m.organization_id, m.user_id, 3000, make_date(y, 1, 15), make_date(y, 1, 1), make_date(y, 12, 31)
       FROM organization_memberships m
       CROSS JOIN generate_series(extract(year FROM now())::int - 2, extract(year FROM now())::int) AS y
      WHERE random() < 0.6`,
  );
  await sql.query('VACUUM ANALYZE');
  const [{ memberships }] = (await sql.query('SELECT count(*)::int AS memberships FROM organization_memberships')).rows;
  const [{ payments }] = (await sql.query('SELECT count(*)::int AS payments FROM dues_payments')).rows;
  return { memberships, payments };
}

async function sample(n, run) {
  const times = [];
  for (let i = 0; i < n + 3; i++) {
    const started = performance.now();
    await run();
    if (i >= 3) times.push(performance.now() - started); // 3 warm-up runs
  }
  const s = summarize(times);
  return { n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}

async function main() {
  const people = Number(args.people);
  const associations = Number(args.associations);
  const samples = Number(args.samples);
  const pg = await services.postgresServer(log);
  const db = await services.createBenchDatabase(pg.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-bench-members-'));
  const logDir = mkdtempSync(join(tmpdir(), 'maillage-bench-members-logs-'));
  const admin = { email: 'admin@bench.test', password: 'bench-password-2026' };
  const app = await services.startApp({
    name: 'members',
    logDir,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
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
    const seededAt = performance.now();
    const dataset = await seed(sql, fed, people, associations);
    log(
      `dataset: ${people} people, ${associations} associations, ${dataset.memberships} memberships, ${dataset.payments} payments in ${round((performance.now() - seededAt) / 1000)} s`,
    );

    const call = async (query, variables) => {
      const res = await graphql(app.url, query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const COUNT = 'query($o: ID!, $f: MemberFilter) { countMembers(organizationId: $o, filter: $f) }';
    const PAGE = `query($o: ID!, $f: MemberFilter) { members(organizationId: $o, filter: $f, first: 20) {
      totalCount edges { node { user { id displayName } organization { id } categories duesStatus duesPaidUntil } } } }`;
    const results = { dataset: { people, associations, ...dataset } };
    results.segmentCount = { count: (await call(COUNT, { o: fed, f: SEGMENT })).countMembers };
    results.segmentCount.ms = await sample(samples, () => call(COUNT, { o: fed, f: SEGMENT }));
    log('segment count over the federation', results.segmentCount);
    results.membersFirstPage = { totalCount: (await call(PAGE, { o: fed, f: THREE_FILTERS })).members.totalCount };
    results.membersFirstPage.ms = await sample(samples, () => call(PAGE, { o: fed, f: THREE_FILTERS }));
    log('first page of members, three filters', results.membersFirstPage);

    // Baselines, straight to PostgreSQL.
    const { memberFilterQuery, memberUserIdsSql } = require(
      join(__dirname, '..', 'dist', 'modules', 'members', 'member-filter.sql.js'),
    );
    const bare = `SELECT count(*)::int FROM organization_memberships m
      WHERE m.organization_id IN (SELECT id FROM organizations WHERE id = $1 OR ancestor_ids @> ARRAY[$1::uuid])`;
    results.bareSqlCount = { count: (await sql.query(bare, [fed])).rows[0].count };
    results.bareSqlCount.ms = await sample(samples, () => sql.query(bare, [fed]));
    log('bare SQL count of the federation’s memberships', results.bareSqlCount);
    const params = [];
    const segmentSql = `SELECT count(*)::int FROM (${memberUserIdsSql(fed, SEGMENT, params)}) AS people`;
    results.segmentSqlCount = { count: (await sql.query(segmentSql, params)).rows[0].count };
    results.segmentSqlCount.ms = await sample(samples, () => sql.query(segmentSql, params));
    log('the segment count in SQL alone', results.segmentSqlCount);
    const q = memberFilterQuery(fed, THREE_FILTERS, { withUser: true });
    const filteredSql = `SELECT count(*)::int FROM ${q.from} WHERE ${q.where.join(' AND ')}`;
    results.threeFiltersSqlCount = { count: (await sql.query(filteredSql, q.params)).rows[0].count };
    results.threeFiltersSqlCount.ms = await sample(samples, () => sql.query(filteredSql, q.params));
    log('the three-filter count in SQL alone', results.threeFiltersSqlCount);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await sql.end();
    await app.stop();
    if (args.keep) log(`kept the database: ${db.url}`);
    else await db.drop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
