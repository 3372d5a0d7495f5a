'use strict';
// Preloaded into an app instance by the benchmark (`node --require`), never by the app itself:
// every second it appends one JSON line to LOOP_PROBE_FILE with that second's event-loop delay
// (p50/p99/max, ms) and the time spent in garbage-collection pauses, so the mixed-load phase can
// tell an app that stalls from one that waits on PostgreSQL or Meilisearch.
const { appendFileSync } = require('node:fs');
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');

const file = process.env.LOOP_PROBE_FILE;
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gcMs = 0;
  let gcMax = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      if (entry.duration > gcMax) gcMax = entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns) => Number((ns / 1e6).toFixed(2));
  setInterval(() => {
    const line = {
      t: Date.now(),
      p50: ms(loop.percentile(50)),
      p99: ms(loop.percentile(99)),
      max: ms(loop.max),
      gcMs: Number(gcMs.toFixed(2)),
      gcMaxMs: Number(gcMax.toFixed(2)),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    loop.reset();
    gcMs = 0;
    gcMax = 0;
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000).unref();
}
