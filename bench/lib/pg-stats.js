'use strict';
// Database-side work per request: transactions (each autocommit query is one), rows and buffer
// hits of our database, from pg_stat_database, read before and after a measured run.
const { Client } = require('pg');
const { sleep } = require('./services');

async function pgStats(dbUrl) {
  // The statistics collector publishes at most every ~0.5 s: give it time to catch up.
  await sleep(1200);
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT xact_commit::float8 AS xact_commit, xact_rollback::float8 AS xact_rollback, blks_hit::float8 AS blks_hit,
              blks_read::float8 AS blks_read, tup_returned::float8 AS tup_returned, tup_fetched::float8 AS tup_fetched
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Per-operation averages between two snapshots (minus the two snapshot queries themselves). */
function perOperation(before, after, operations) {
  const out = {};
  for (const key of Object.keys(after)) {
    const delta = after[key] - before[key] - (key === 'xact_commit' ? 2 : 0);
    out[key] = Number((delta / Math.max(1, operations)).toFixed(2));
  }
  return out;
}

/** CPU milliseconds per operation, per process, from a CpuMeter delta. */
function cpuPerOperation(delta, operations) {
  const out = {};
  for (const [name, value] of Object.entries(delta)) {
    if (name === 'wallSeconds') continue;
    out[name] = Number(((value.cpuSeconds * 1000) / Math.max(1, operations)).toFixed(2));
  }
  return out;
}

module.exports = { pgStats, perOperation, cpuPerOperation };
