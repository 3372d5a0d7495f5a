'use strict';
// The results table: each figure beside its baseline (ratio = ours ÷ baseline), its target at
// S=1, and a verdict; then the CPU each process spent per phase.

const fmt = (value, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : Math.abs(value) >= 1000
      ? Math.round(value).toLocaleString('en')
      : Number(value).toFixed(digits);

function row(figure, ours, unit, baselineName, baseline, target, pass) {
  const ratio = typeof ours === 'number' && typeof baseline === 'number' && baseline !== 0 ? ours / baseline : null;
  return { figure, ours, unit, baselineName, baseline, ratio, target, pass };
}

function buildRows(r) {
  const rows = [];
  const f = r.feed;
  if (f) {
    const p1 = f.page1Latency.median;
    const deep = f.deepLatency.median;
    rows.push(
      row(
        'Feed page 1 latency p50 (c=1)',
        p1.p50,
        'ms',
        'bare http',
        f.bareLatency.median.p50,
        '≤ 10 ms',
        p1.p50 <= 10,
      ),
    );
    rows.push(
      row(
        'Feed page 1 latency p99 (c=1)',
        p1.p99,
        'ms',
        'bare http',
        f.bareLatency.median.p99,
        '≤ 50 ms',
        p1.p99 <= 50,
      ),
    );
    rows.push(
      row('Feed page 1 latency p50 (c=1)', p1.p50, 'ms', 'feed SQL via pg', f.sqlPage1Latency.median.p50, '', null),
    );
    rows.push(
      row(
        `Feed page ${f.deepPage} latency p50 (c=1)`,
        deep.p50,
        'ms',
        'feed SQL via pg',
        f.sqlDeepLatency.median.p50,
        '',
        null,
      ),
    );
    rows.push(
      row(
        `Feed page ${f.deepPage} latency p99 (c=1)`,
        deep.p99,
        'ms',
        'feed SQL via pg',
        f.sqlDeepLatency.median.p99,
        '',
        null,
      ),
    );
    const deepRatio = deep.p50 / p1.p50;
    rows.push(
      row(
        `Feed page ${f.deepPage} ÷ page 1 (p50)`,
        deepRatio,
        '×',
        'feed SQL via pg',
        f.sqlDeepLatency.median.p50 / f.sqlPage1Latency.median.p50,
        '≤ 1.2×',
        deepRatio <= 1.2,
      ),
    );
    const t = f.throughput.median;
    rows.push(
      row(
        `Feed throughput (c=${f.concurrency}, 2 instances)`,
        t.rps,
        'req/s',
        'bare http',
        f.bareThroughput.median.rps,
        '≥ 500 req/s',
        t.rps >= 500,
      ),
    );
    rows.push(
      row(
        `Feed throughput (c=${f.concurrency}, 2 instances)`,
        t.rps,
        'req/s',
        'feed SQL via pg',
        f.sqlThroughput.median.rps,
        '',
        null,
      ),
    );
    rows.push(
      row(
        `Feed latency under load p50 / p99 (c=${f.concurrency})`,
        t.p50,
        'ms',
        'bare http',
        f.bareThroughput.median.p50,
        `p99 ${fmt(t.p99)} ms`,
        null,
      ),
    );
  }
  const s = r.search;
  if (s) {
    const a = s.app.median;
    const m = s.meili.median;
    rows.push(row(`Search p50 (open loop, ${a.rate}/s)`, a.p50, 'ms', 'Meilisearch direct', m.p50, '', null));
    rows.push(
      row(`Search p95 (open loop, ${a.rate}/s)`, a.p95, 'ms', 'Meilisearch direct', m.p95, '≤ 50 ms', a.p95 <= 50),
    );
  }
  const c = r.chat;
  if (c) {
    const a = c.app.median;
    const e = c.echo?.median ?? {};
    const sockets = `${c.app.sockets} sockets, 2 instances, ${a.rate} msg/s`;
    rows.push(row(`Chat delivery p50 (${sockets})`, a.p50, 'ms', 'bare Socket.io echo', e.p50, '≤ 15 ms', a.p50 <= 15));
    rows.push(
      row(`Chat delivery p99 (${sockets})`, a.p99, 'ms', 'bare Socket.io echo', e.p99, '≤ 100 ms', a.p99 <= 100),
    );
    rows.push(
      row(
        'Chat messages lost (all runs)',
        c.app.lostTotal,
        '',
        'bare Socket.io echo',
        c.echo?.lostTotal,
        '0',
        c.app.lostTotal === 0,
      ),
    );
    rows.push(
      row(
        'Chat messages duplicated (all runs)',
        c.app.duplicatedTotal,
        '',
        'bare Socket.io echo',
        c.echo?.duplicatedTotal,
        '0',
        c.app.duplicatedTotal === 0,
      ),
    );
    rows.push(
      row(
        'Chat sends refused (all runs)',
        c.app.ackErrorsTotal,
        '',
        'bare Socket.io echo',
        c.echo?.ackErrorsTotal,
        '0',
        c.app.ackErrorsTotal === 0,
      ),
    );
    rows.push(
      row(
        'RSS per idle socket',
        c.app.rssPerSocketKb,
        'kB',
        'bare Socket.io echo',
        c.echo?.rssPerSocketKb,
        '≤ 30 kB',
        c.app.rssPerSocketKb <= 30,
      ),
    );
  }
  const d = r.dataset;
  if (d) {
    rows.push(row(`Seed, all tables (${fmt(d.totalRows, 0)} rows)`, d.rowsPerSecond, 'rows/s', '', null, '', null));
    const posts = d.timings.posts;
    const postRows = d.rowsByTable.posts;
    const postsPerSecond = postRows / posts.seconds;
    rows.push(
      row(
        `Seed posts (${fmt(postRows, 0)} in ${fmt(posts.seconds)} s)`,
        postsPerSecond,
        'rows/s',
        '',
        null,
        '≥ 5,556 rows/s (1 M in ≤ 3 min)',
        postsPerSecond >= 1_000_000 / 180,
      ),
    );
  }
  const i = r.indexing;
  if (i) {
    rows.push(
      row(`Index, all kinds (${fmt(i.documents, 0)} documents)`, i.documentsPerSecond, 'docs/s', '', null, '', null),
    );
    const ans = i.perKind.answer;
    rows.push(
      row(
        `Index answers (${fmt(ans.documents, 0)} in ${fmt(ans.seconds)} s)`,
        ans.documentsPerSecond,
        'docs/s',
        '',
        null,
        '≥ 1,667 docs/s (200 k in ≤ 2 min)',
        ans.documentsPerSecond >= 200_000 / 120,
      ),
    );
  }
  const l = r.lag;
  if (l)
    rows.push(
      row(
        'Write → searchable p95',
        l.median.p95,
        'ms',
        '',
        null,
        '≤ 1,000 ms',
        l.median.p95 <= 1000 && !l.median.timeouts,
      ),
    );
  return rows;
}

function markdownTable(rows) {
  const lines = [
    '| figure | Maillage | baseline | baseline value | ratio | target (S=1) | met |',
    '| --- | ---: | --- | ---: | ---: | --- | :---: |',
  ];
  for (const x of rows) {
    const unit = x.unit ? ` ${x.unit}` : '';
    lines.push(
      `| ${x.figure} | ${fmt(x.ours, x.unit === 'ms' || x.unit === '×' || x.unit === 'kB' ? 2 : 0)}${unit} | ${x.baselineName || ''} | ${x.baseline === null || x.baseline === undefined ? '' : `${fmt(x.baseline, x.unit === 'ms' || x.unit === '×' || x.unit === 'kB' ? 2 : 0)}${unit}`} | ${x.ratio === null ? '' : `${fmt(x.ratio, 2)}×`} | ${x.target} | ${x.pass === null ? '' : x.pass ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

function cpuTable(phases) {
  const names = [...new Set(Object.values(phases).flatMap((p) => Object.keys(p).filter((k) => k !== 'wallSeconds')))];
  const lines = [
    `| phase | wall s | ${names.join(' | ')} |`,
    `| --- | ---: | ${names.map(() => '---:').join(' | ')} |`,
  ];
  for (const [phase, p] of Object.entries(phases)) {
    lines.push(
      `| ${phase} | ${p.wallSeconds} | ${names.map((n) => (p[n] ? `${p[n].cpuSeconds} s (${p[n].cores})` : '')).join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n\nCPU seconds per process, with the average number of cores in parentheses.`;
}

/** Viewers with many feed groups beside an ordinary member, one instance, same run. */
function heavyTable(heavy) {
  if (!heavy) return '';
  const lines = [
    `Feed of viewers with many groups, one instance, page 1, c=${heavy.concurrency} for throughput, c=1 for latency:`,
    '',
    '| viewer | memberships | req/s | slowdown vs ordinary | p50 ms (c=1) | p99 ms (c=1) | p99 ms (c=16) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of heavy.classes)
    lines.push(
      `| ${c.label} | ${c.memberships.join('/')} | ${fmt(c.throughput.median.rps, 0)} | ${fmt(c.slowdown, 2)}x | ${fmt(c.latency.median.p50, 2)} | ${fmt(c.latency.median.p99, 2)} | ${fmt(c.throughput.median.p99, 1)} |`,
    );
  return lines.join('\n');
}

/** The mixed-load phase: each load alone, then together, with the app's event-loop delay. */
function mixedTable(mixed) {
  if (!mixed) return '';
  const r = mixed.rates;
  const lines = [
    `Open loop on one instance (feed ${r.feed}/s; search ${r.search}/s alone, ${r.mixedSearch}/s mixed; chat ${r.chat} messages/s), medians of the runs:`,
    '',
    '| phase | load | p50 ms | p95 ms | p99 ms | max ms | errors | event-loop p99 / max ms | GC ms/s, longest pause | RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const phase of ['feedAlone', 'searchAlone', 'together']) {
    const m = mixed[phase]?.median;
    if (!m) continue;
    for (const load of ['feed', 'search', 'chat']) {
      const x = m[load];
      if (!x) continue;
      const a = m.app ?? {};
      lines.push(
        `| ${phase} | ${load} ${x.rate}/s | ${fmt(x.p50)} | ${fmt(x.p95)} | ${fmt(x.p99)} | ${fmt(x.max)} | ${x.errors} | ${fmt(a.loopP99MedianMs)} / ${fmt(a.loopMaxMs)} | ${fmt(a.gcMsPerSecond)}, ${fmt(a.gcPauseMaxMs)} | ${fmt(a.rssMbMax, 0)} |`,
      );
    }
  }
  return lines.join('\n');
}

function markdownReport(results) {
  const m = results.machine;
  return [
    `## Maillage benchmark — scale ${results.scale}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.ramGb} GB RAM, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (${m.postgresSource}); Redis ${m.redis}; Meilisearch ${m.meilisearch}.`,
    `Command: \`${results.command}\` — ${results.options.runs} runs per figure (median reported), ${results.options.seconds} s each after ${results.options.warmup} s of warm-up. The load generator runs on the same machine.`,
    `Started ${results.startedAt}, took ${fmt(results.totalSeconds / 60)} min.`,
    '',
    markdownTable(buildRows(results)),
    '',
    heavyTable(results.heavy),
    '',
    mixedTable(results.mixed),
    '',
    cpuTable(results.cpu),
  ].join('\n');
}

module.exports = { buildRows, markdownReport, markdownTable };
