import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The benchmark keeps working: `bench/run.js` at `--scale 0.001` (a few thousand rows, two app
 * instances joined by Redis, ten sockets, one short run per figure) must complete and produce every
 * figure, with no chat message lost or duplicated. The full run (`npm run bench`) stays out of CI.
 */
const ROOT = join(__dirname, '..', '..');

interface Summary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  rps?: number;
}

interface BenchResults {
  dataset: { totalRows: number; rowsPerSecond: number };
  indexing: {
    documents: number;
    documentsPerSecond: number;
    failedTasks: { total: number; documentTasks: number; byKind: Record<string, number> };
    perKind: Record<string, { documents: number }>;
  };
  lag: { median: Summary & { timeouts: number } };
  feed: {
    page1Latency: { median: Summary };
    deepLatency: { median: Summary };
    throughput: { median: Summary };
    bareLatency: { median: Summary };
    bareThroughput: { median: Summary };
    sqlPage1Latency: { median: Summary };
    sqlDeepLatency: { median: Summary };
    sqlThroughput: { median: Summary };
    explain: { page1: string; deep: string };
  };
  search: { app: { median: Summary & { errors: number } }; meili: { median: Summary & { errors: number } } };
  heavy: {
    classes: {
      label: string;
      memberships: number[];
      throughput: { median: Summary & { rps: number } };
      explain: string;
    }[];
  };
  mixed: Record<
    'feedAlone' | 'searchAlone' | 'together',
    { median: Record<string, Summary & { errors: number }> & { app: { loopP99MedianMs: number; rssMbMax: number } } }
  >;
  chat: Record<
    'app' | 'echo',
    {
      sockets: number;
      median: Summary;
      lostTotal: number;
      duplicatedTotal: number;
      ackErrorsTotal: number;
      rssPerSocketKb: number;
    }
  >;
  cpu: Record<string, Record<string, unknown>>;
}

function runBench(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'run.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.MAILLAGE_TEST_SERVER_URL ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the benchmark did not finish within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const figure = (s: Summary) => [s.p50, s.p99].every((v) => typeof v === 'number' && v > 0);

describe('benchmark smoke run', () => {
  const out = mkdtempSync(join(tmpdir(), 'maillage-bench-smoke-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('completes at scale 0.001 with every figure, no message lost or duplicated', async () => {
    const { code, output } = await runBench(
      [
        '--scale',
        '0.001',
        '--runs',
        '1',
        '--seconds',
        '1',
        '--warmup',
        '1',
        '--idle',
        '1',
        '--lag-samples',
        '3',
        '--viewers',
        '5',
        '--out',
        out,
      ],
      360_000,
    );
    expect({ code, tail: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, tail: '' });

    const file = readdirSync(out).find((name) => name.endsWith('.json'));
    expect(file).toBeDefined();
    const results = JSON.parse(readFileSync(join(out, file as string), 'utf8')) as BenchResults;

    expect(results.dataset.totalRows).toBeGreaterThan(1000);
    expect(results.indexing.failedTasks.documentTasks).toBe(0);
    expect(Object.keys(results.indexing.perKind).sort()).toEqual(['answer', 'group', 'person', 'post', 'question']);
    expect(results.lag.median.timeouts).toBe(0);
    expect(results.lag.median.p95).toBeGreaterThan(0);

    const feed = results.feed;
    for (const s of [
      feed.page1Latency,
      feed.deepLatency,
      feed.throughput,
      feed.bareLatency,
      feed.bareThroughput,
      feed.sqlPage1Latency,
      feed.sqlDeepLatency,
      feed.sqlThroughput,
    ])
      expect(figure(s.median)).toBe(true);
    expect(feed.throughput.median.rps).toBeGreaterThan(0);
    expect(feed.explain.page1).toMatch(/Execution Time/);

    expect(figure(results.search.app.median)).toBe(true);
    expect(figure(results.search.meili.median)).toBe(true);
    expect(results.search.app.median.errors).toBe(0);

    for (const deployment of ['app', 'echo'] as const) {
      const chat = results.chat[deployment];
      expect(chat.sockets).toBeGreaterThanOrEqual(10);
      expect(figure(chat.median)).toBe(true);
      expect({
        deployment,
        lost: chat.lostTotal,
        duplicated: chat.duplicatedTotal,
        refused: chat.ackErrorsTotal,
      }).toEqual({
        deployment,
        lost: 0,
        duplicated: 0,
        refused: 0,
      });
      expect(chat.rssPerSocketKb).toEqual(expect.any(Number));
    }
    // Viewers with many feed groups: an ordinary member, three heavy classes and the federation admin.
    expect(results.heavy.classes).toHaveLength(5);
    // (Throughput itself is not asserted: a 1-second run on a loaded machine may end before an answer.)
    for (const c of results.heavy.classes) expect(c.explain).toMatch(/Execution Time/);
    // The federation admin is in every group (at this scale, 6: as many as an ordinary member's 8 allow).
    expect(Math.min(...results.heavy.classes[4].memberships)).toBeGreaterThanOrEqual(
      Math.max(...results.heavy.classes[0].memberships),
    );
    // Mixed load: each load alone, then together, with the app's own event-loop delay from the probe.
    const mixed = results.mixed;
    expect(figure(mixed.feedAlone.median.feed)).toBe(true);
    expect(figure(mixed.searchAlone.median.search)).toBe(true);
    for (const load of ['feed', 'search', 'chat']) {
      expect(figure(mixed.together.median[load])).toBe(true);
      expect({ load, errors: mixed.together.median[load].errors }).toEqual({ load, errors: 0 });
    }
    expect(mixed.together.median.app.loopP99MedianMs).toBeGreaterThan(0);
    expect(mixed.together.median.app.rssMbMax).toBeGreaterThan(0);
    for (const phase of ['seed', 'index', 'feed', 'search', 'heavy', 'mixed', 'chat'])
      expect(results.cpu[phase]).toBeDefined();
  }, 370_000);
});
