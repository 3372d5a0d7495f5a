#!/usr/bin/env node
// Writes docs/queries/feed.sql and docs/queries/feed.explain.txt: the home feed's SQL and its
// plan on a seeded table of 100,000 posts, page 1 and page 500, so plan changes show up in review.
// Usage: npm run build && DATABASE_URL=postgres://… node scripts/explain-feed.js
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Client } = require('pg');
const { migrate } = require('../dist/infra/database/data-source');
const { feedSql } = require('../dist/modules/posts/posts.service');
const { GroupAccess } = require('../dist/access/group-access.service');

const POSTS = 100_000;
const GROUPS = 200;
const VIEWER_GROUPS = 30; // the viewer is a member of 20 groups and follows 10 more
const PAGE = 20;

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('Set DATABASE_URL to a PostgreSQL server where a scratch database may be created.');
  const name = `maillage_explain_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = new Client({ connectionString: url.toString() });
  try {
    await migrate(url.toString());
    await db.connect();
    await seed(db);
    const sql = feedSql(new GroupAccess(null).readableGroupSql('g', '$1')).trim();
    const [{ id: viewer }] = (await db.query(`SELECT id FROM users WHERE email = 'viewer@explain.test'`)).rows;
    const page1 = await explain(db, sql, [viewer, null, null, PAGE + 1]);
    // The cursor of page 500: the key of the 10,000th post of the viewer's feed.
    const [deep] = (
      await db.query(
        `SELECT created_at_key AS t, page_id AS id FROM (${sql}) f ORDER BY created_at_key::timestamptz, page_id LIMIT 1`,
        [viewer, null, null, 10_000],
      )
    ).rows;
    const page500 = await explain(db, sql, [viewer, deep.t, deep.id, PAGE + 1]);
    const out = join(__dirname, '..', 'docs', 'queries');
    writeFileSync(
      join(out, 'feed.sql'),
      `-- The home feed (src/modules/posts/posts.service.ts, feedSql() with the readable-group condition).\n-- $1 viewer id, $2/$3 cursor (created_at, id) or NULL, $4 page size + 1.\n${sql}\n`,
    );
    writeFileSync(
      join(out, 'feed.explain.txt'),
      [
        `Seed: ${POSTS} posts in ${GROUPS} groups (a quarter PRIVATE), 500 users; the viewer is in ${VIEWER_GROUPS} feed groups.`,
        `Regenerate: npm run build && DATABASE_URL=postgres://… node scripts/explain-feed.js`,
        '',
        '== page 1 (no cursor) ==',
        page1,
        '',
        '== page 500 (cursor at the 10,000th post of the feed) ==',
        page500,
        '',
      ].join('\n'),
    );
    console.log(page1.split('\n').pop(), '|', page500.split('\n').pop());
  } finally {
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function explain(db, sql, params) {
  const rows = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows;
  // Timings vary run to run; keep them, they are what a reviewer compares.
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function seed(db) {
  await db.query(`INSERT INTO organizations (name, slug, kind) VALUES ('Fédération', 'federation', 'FEDERATION')`);
  await db.query(`INSERT INTO users (email, password_hash, display_name)
                  SELECT 'user' || i || '@explain.test', 'x', 'User ' || i FROM generate_series(1, 499) i`);
  await db.query(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('viewer@explain.test', 'x', 'Viewer')`,
  );
  await db.query(`INSERT INTO groups (organization_id, name, slug, visibility)
                  SELECT (SELECT id FROM organizations), 'Groupe ' || i, 'groupe-' || i, CASE WHEN i % 4 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END
                    FROM generate_series(1, ${GROUPS}) i`);
  await db.query(`WITH numbered AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM groups)
                  INSERT INTO group_memberships (group_id, user_id, role)
                  SELECT id, (SELECT id FROM users WHERE email = 'viewer@explain.test'), 'MEMBER' FROM numbered WHERE n <= 20`);
  await db.query(`WITH numbered AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM groups)
                  INSERT INTO group_follows (group_id, user_id)
                  SELECT id, (SELECT id FROM users WHERE email = 'viewer@explain.test') FROM numbered WHERE n > 20 AND n <= ${VIEWER_GROUPS} AND n % 4 <> 0`);
  await db.query(`WITH g AS (SELECT array_agg(id) AS ids FROM groups), u AS (SELECT array_agg(id) AS ids FROM users)
                  INSERT INTO posts (group_id, author_id, body, created_at)
                  SELECT g.ids[1 + (i % ${GROUPS})], u.ids[1 + (i % 500)], 'Publication ' || i,
                         now() - make_interval(secs => (${POSTS} - i) * 30)
                    FROM generate_series(1, ${POSTS}) i, g, u`);
  await db.query('ANALYZE');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
