'use strict';
// Viewers whose feed spans many groups (federation staff following association feeds), beside
// ordinary members, on ONE app instance in the same run: the issue-17 finding was a federation admin
// member of every group answering at a fraction of an ordinary member's throughput. Each class is
// measured closed loop (c=`concurrency`, throughput) and at c=1 (latency), and its feed statement is
// EXPLAINed.
const { Client } = require('pg');
const { httpRun, repeat, requestsFor, explainFeed, feedSql } = require('./feed');

/** Gives `count` viewers `groups` feed groups each (memberships added in SQL; private ones as owner). */
async function joinGroups(client, userIds, groups) {
  const { rows } = await client.query(
    `SELECT id, visibility FROM groups ORDER BY md5(id::text) LIMIT $1`, // a fixed, spread-out choice
    [groups],
  );
  for (const userId of userIds) {
    await client.query(
      `INSERT INTO group_memberships (group_id, user_id, role)
       SELECT g, $1, CASE WHEN v = 'PRIVATE' THEN 'OWNER' ELSE 'MEMBER' END
         FROM unnest($2::uuid[], $3::text[]) AS t(g, v)
       ON CONFLICT DO NOTHING`,
      [userId, rows.map((r) => r.id), rows.map((r) => r.visibility)],
    );
  }
}

/**
 * `ordinary`: [{id, token}] plain members; `spare`: more [{id, token}] to turn into heavy viewers;
 * `federationAdmin`: {id, token} of the federation's admin (made a member of every group).
 */
async function measureHeavyViewers({ apps, dbUrl, ordinary, spare, federationAdmin, options, log }) {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  const classes = [{ label: 'ordinary member', viewers: ordinary }];
  const { rows } = await client.query('SELECT count(*)::int AS n FROM groups');
  const totalGroups = rows[0].n;
  let next = 0;
  try {
    for (const groups of [30, 100, 300]) {
      const viewers = spare.slice(next, next + 3);
      next += 3;
      const n = Math.min(groups, totalGroups);
      await joinGroups(
        client,
        viewers.map((v) => v.id),
        n,
      );
      classes.push({ label: `${n} feed groups`, viewers });
    }
    await joinGroups(client, [federationAdmin.id], totalGroups);
    classes.push({ label: `federation admin, member of all ${totalGroups} groups`, viewers: [federationAdmin] });
    await client.query('ANALYZE group_memberships');
    const counts = await client.query(
      `SELECT user_id, count(*)::int AS n FROM group_memberships WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [classes.flatMap((c) => c.viewers.map((v) => v.id))],
    );
    const groupsOf = new Map(counts.rows.map((r) => [r.user_id, r.n]));
    for (const c of classes) c.memberships = c.viewers.map((v) => groupsOf.get(v.id) ?? 0);
  } finally {
    await client.end();
  }

  const url = [apps[0].url];
  const { runs, seconds, warmup, concurrency } = options;
  const sql = feedSql();
  const out = { concurrency, instances: 1, classes: [] };
  for (const c of classes) {
    log(`  heavy viewers: ${c.label} (${c.viewers.length} viewer(s), memberships ${c.memberships.join('/')})`);
    const requests = requestsFor(c.viewers);
    await httpRun({ urls: url, requests, connections: concurrency, seconds: warmup });
    const throughput = await repeat(
      runs,
      () => httpRun({ urls: url, requests, connections: concurrency, seconds }),
      `${c.label}, c=${concurrency}`,
      log,
    );
    const latency = await repeat(
      runs,
      () => httpRun({ urls: url, requests, connections: 1, seconds: Math.max(1, seconds / 2) }),
      `${c.label}, c=1`,
      log,
    );
    out.classes.push({
      label: c.label,
      viewers: c.viewers.length,
      memberships: c.memberships,
      throughput,
      latency,
      explain: await explainFeed(dbUrl, sql, c.viewers[0], null),
    });
  }
  const base = out.classes[0].throughput.median.rps;
  for (const c of out.classes) c.slowdown = Number((base / Math.max(1, c.throughput.median.rps)).toFixed(2));
  log(`  heavy viewers: slowdown vs ordinary ${out.classes.map((c) => `${c.label} ${c.slowdown}x`).join(', ')}`);
  return out;
}

module.exports = { measureHeavyViewers };
