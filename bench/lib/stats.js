'use strict';

/** The p-th percentile (0..100) of numbers, nearest-rank. */
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function median(values) {
  const present = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (!present.length) return null;
  const sorted = [...present].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** p50/p95/p99/max of one run's latencies (ms). */
function summarize(latencies) {
  return {
    n: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies.reduce((a, b) => (b > a ? b : a), -Infinity) : null,
  };
}

/** The median of each field over several runs' summaries (the figure we report). */
function medianOfRuns(runs) {
  const out = {};
  const keys = new Set(runs.flatMap((run) => Object.keys(run)));
  for (const key of keys) {
    const values = runs.map((run) => run[key]);
    out[key] = values.every((v) => typeof v === 'number' || v === null) ? median(values) : values[0];
  }
  return out;
}

const round = (value, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? null : Number(value.toFixed(digits));

module.exports = { percentile, median, summarize, medianOfRuns, round };
