import pino from 'pino';
import { DataSource } from 'typeorm';
import { migrate } from '../../src/infra/database/data-source';
import { enqueue, enqueueMany } from '../../src/infra/jobs/enqueue';
import { JobRunner } from '../../src/infra/jobs/job-runner';
import { JobStore } from '../../src/infra/jobs/job-store';
import { JobDefinition, JobPayload, jobType } from '../../src/infra/jobs/job-types';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../support/databases';
import { eventually } from '../support/eventually';

/**
 * The job system against a real PostgreSQL, with several runners standing for several instances
 * (each its own connection pool and LISTEN connection), as the app uses it: enqueue in the
 * cause's transaction, idempotency keys, retries with capped backoff, one run per job across
 * instances, exclusive jobs, schedules, leases of dead instances, and the NOTIFY wake-up.
 */
const Work = jobType<{ n: number }>('test.work');
const Flaky = jobType<{ n: number }>('test.flaky');
const Purge = jobType<Record<string, never>>('test.purge');
const Tick = jobType<Record<string, never>>('test.tick');

const silent = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('job system', () => {
  let database: string;
  let url: string;
  const sources: DataSource[] = [];
  const runners: JobRunner[] = [];

  async function dataSource(): Promise<DataSource> {
    const db = new DataSource({ type: 'postgres', url, extra: { max: 5 } });
    await db.initialize();
    sources.push(db);
    return db;
  }

  /** A runner as an instance has one: its own pool and LISTEN connection, the given jobs registered. */
  async function instance<P extends JobPayload>(definitions: JobDefinition<P>[], listen = true): Promise<JobRunner> {
    const runner = new JobRunner(await dataSource(), { listenUrl: listen ? url : undefined, logger: silent });
    for (const definition of definitions) runner.register(definition);
    runners.push(runner);
    await runner.start();
    return runner;
  }

  const jobs = async (name: string) =>
    (await sources[0].query('SELECT id, state, attempts, key, run_at, last_error FROM jobs WHERE name = $1', [
      name,
    ])) as { id: string; state: string; attempts: number; key: string | null; run_at: Date; last_error: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    url = serverUrl(database);
    await migrate(url);
    await dataSource();
    await sources[0].query('CREATE TABLE effects (job_id bigint, n int, runner int)');
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await sources[0].query('TRUNCATE jobs, job_schedules, effects');
  });

  afterAll(async () => {
    await Promise.all(sources.map((db) => db.destroy()));
    await dropTestDatabase(database);
  });

  it('enqueues in the caller’s transaction: nothing when it rolls back, and never outside one', async () => {
    const db = sources[0];
    await db.transaction((manager) => enqueue(manager, Work, { n: 1 }));
    await expect(
      db.transaction(async (manager) => {
        await enqueue(manager, Work, { n: 2 });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await expect(enqueue(db.manager, Work, { n: 3 })).rejects.toThrow(/inside the transaction/);
    expect((await jobs(Work.name)).length).toBe(1);
  });

  it('refuses a second job with the same key, also once the first is done', async () => {
    const db = sources[0];
    const add = (n: number) => db.transaction((manager) => enqueue(manager, Work, { n }, { key: 'invitation:1' }));
    expect(await add(1)).toBe(true);
    expect(await add(2)).toBe(false);
    const ran: number[] = [];
    await instance([{ type: Work, handle: async (job) => void ran.push(job.payload.n) }]);
    await eventually(async () => expect((await jobs(Work.name)).map((j) => j.state)).toEqual(['done']));
    expect(await add(3)).toBe(false);
    await sleep(300);
    expect(ran).toEqual([1]);
  });

  it('commits a handler’s writes with the job’s completion, and rolls them back when it fails', async () => {
    let calls = 0;
    await instance([
      {
        type: Flaky,
        retry: { attempts: 3, baseSeconds: 0.05, maxSeconds: 0.1 },
        pollSeconds: 0.2,
        handle: async (job, manager) => {
          await manager.query('INSERT INTO effects (job_id, n) VALUES ($1, $2)', [job.id, job.payload.n]);
          if (++calls < 3) throw new Error(`attempt ${job.attempt} failed`);
        },
      },
    ]);
    await sources[0].transaction((manager) => enqueue(manager, Flaky, { n: 7 }));
    await eventually(async () => expect(await jobs(Flaky.name)).toEqual([]));
    expect(calls).toBe(3);
    // Two failed runs wrote nothing that stayed; the third committed with its completion.
    expect(await sources[0].query('SELECT n FROM effects')).toEqual([{ n: 7 }]);
  });

  it('retries with capped exponential backoff, then keeps the job as failed with its error', async () => {
    await instance([
      {
        type: Flaky,
        retry: { attempts: 3, baseSeconds: 0.2, maxSeconds: 0.3 },
        pollSeconds: 0.2,
        handle: async (job) => {
          throw new Error(`broken on attempt ${job.attempt}`);
        },
      },
    ]);
    await sources[0].transaction((manager) => enqueue(manager, Flaky, { n: 1 }));
    await eventually(async () => expect((await jobs(Flaky.name))[0]).toMatchObject({ attempts: 1, state: 'queued' }));
    const [afterFirst] = await jobs(Flaky.name);
    // After the first failure: 0.2 s at most (0.1 s at least, with jitter), from the database's clock.
    const [{ wait }] = (await sources[0].query('SELECT extract(epoch FROM run_at - now()) AS wait FROM jobs')) as {
      wait: number;
    }[];
    expect(Number(wait)).toBeLessThanOrEqual(0.2);
    expect(afterFirst.last_error).toBe('broken on attempt 1');
    await eventually(async () =>
      expect((await jobs(Flaky.name))[0]).toMatchObject({
        state: 'failed',
        attempts: 3,
        last_error: 'broken on attempt 3',
      }),
    );
    expect(await JobStore.counts(sources[0].manager)).toEqual(new Map([[Flaky.name, { waiting: 0, failed: 1 }]]));
  });

  it('runs each job once across instances, in batches', async () => {
    const seen = new Map<number, number>();
    const batches: number[] = [];
    const definition = (runner: number): JobDefinition<{ n: number }> => ({
      type: Work,
      batchSize: 25,
      handleBatch: async (batch, manager) => {
        batches.push(batch.length);
        for (const job of batch) seen.set(job.payload.n, (seen.get(job.payload.n) ?? 0) + 1);
        await manager.query(
          'INSERT INTO effects (job_id, n, runner) SELECT unnest($1::bigint[]), unnest($2::int[]), $3',
          [batch.map((job) => job.id), batch.map((job) => job.payload.n), runner],
        );
      },
    });
    await instance([definition(1)]);
    await instance([definition(2)]);
    await instance([definition(3)]);
    const items = Array.from({ length: 300 }, (_, n) => ({ payload: { n } }));
    for (let i = 0; i < items.length; i += 50) {
      await sources[0].transaction((manager) => enqueueMany(manager, Work, items.slice(i, i + 50)));
    }
    await eventually(async () => expect(await jobs(Work.name)).toEqual([]), { timeoutMs: 20_000 });
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(items.map((item) => item.payload.n));
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    const [{ rows, distinct }] = (await sources[0].query(
      'SELECT count(*)::int AS rows, count(DISTINCT n)::int AS distinct FROM effects',
    )) as { rows: number; distinct: number }[];
    expect({ rows, distinct }).toEqual({ rows: 300, distinct: 300 });
    expect(Math.max(...batches)).toBeLessThanOrEqual(25);
  });

  it('never runs an exclusive job twice at the same time, across instances', async () => {
    let running = 0;
    let most = 0;
    const exclusive: JobDefinition<Record<string, never>> = {
      type: Purge,
      exclusive: true,
      handle: async () => {
        most = Math.max(most, ++running);
        await sleep(150);
        running--;
      },
    };
    await instance([exclusive]);
    await instance([exclusive]);
    await sources[0].transaction((manager) =>
      enqueueMany(
        manager,
        Purge,
        [1, 2, 3, 4].map(() => ({ payload: {} })),
      ),
    );
    await eventually(async () => expect(await jobs(Purge.name)).toEqual([]), { timeoutMs: 20_000 });
    expect(most).toBe(1);
  });

  it('fires each tick of a schedule once, whatever the number of instances', async () => {
    const ran: string[] = [];
    const scheduled: JobDefinition<Record<string, never>> = {
      type: Tick,
      schedule: { every: 1 },
      pollSeconds: 0.2,
      handle: async (job) => void ran.push(job.key ?? ''),
    };
    await instance([scheduled]);
    await instance([scheduled]);
    await instance([scheduled]);
    await eventually(() => expect(ran.length).toBeGreaterThanOrEqual(3), { timeoutMs: 15_000 });
    expect(new Set(ran).size).toBe(ran.length);
    expect(ran.every((key) => key.startsWith('schedule:'))).toBe(true);
    const [{ schedules }] = (await sources[0].query('SELECT count(*)::int AS schedules FROM job_schedules')) as {
      schedules: number;
    }[];
    expect(schedules).toBe(1);
  });

  it('takes back the job of an instance that died, and refuses the dead run’s completion', async () => {
    const db = sources[0];
    await db.transaction((manager) => enqueue(manager, Work, { n: 42 }));
    // An instance claims it with a 1-second lease, then dies without finishing.
    const [stale] = await JobStore.claim(db.manager, Work.name, 1, 1, '00000000-0000-4000-8000-000000000001');
    expect(stale.attempts).toBe(1);
    const ran: number[] = [];
    await instance([{ type: Work, pollSeconds: 0.2, handle: async (job) => void ran.push(job.attempt) }]);
    await eventually(() => expect(ran).toEqual([2]), { timeoutMs: 10_000 });
    expect(await db.transaction((m) => JobStore.complete(m, [stale.id], '00000000-0000-4000-8000-000000000001'))).toBe(
      0,
    );
  });

  it('wakes an instance on commit (NOTIFY), without waiting for its poll', async () => {
    const ran: number[] = [];
    // A poll every 60 s: only the notification can bring the job in before then.
    const runner = await instance([
      { type: Work, pollSeconds: 60, handle: async (job) => void ran.push(job.payload.n) },
    ]);
    await sleep(100);
    await sources[0].transaction((manager) => enqueue(manager, Work, { n: 5 }));
    await eventually(() => expect(ran).toEqual([5]), { timeoutMs: 10_000 });
    await runner.stop();
  });

  it('polls when it cannot listen: work still runs', async () => {
    const ran: number[] = [];
    await instance([{ type: Work, pollSeconds: 0.2, handle: async (job) => void ran.push(job.payload.n) }], false);
    await sleep(100);
    await sources[0].transaction((manager) => enqueue(manager, Work, { n: 6 }));
    await eventually(() => expect(ran).toEqual([6]), { timeoutMs: 10_000 });
  });
});
