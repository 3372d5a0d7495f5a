import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { Locks, tryLockForTransaction } from '../database/advisory-locks';
import { JOBS_CHANNEL } from './enqueue';
import { JobScheduler } from './job-scheduler';
import { ClaimedRow, JobStore, toJob } from './job-store';
import { DEFAULT_RETRY, JobDefinition, JobPayload, JobType, RetryPolicy, retryDelaySeconds } from './job-types';
import { validateSchedule } from './schedule';

const DEFAULT_TIMEOUT_S = 300;
const DEFAULT_POLL_S = 2;
const STOP_GRACE_MS = 10_000;

/** One job name's worker in this instance: runs its due jobs one claim after the other. */
interface Lane {
  definition: JobDefinition<JobPayload>;
  retry: RetryPolicy;
  /** Set by a notification or the poller: there may be work; cleared before each claim. */
  due: boolean;
  wake?: () => void;
  loop?: Promise<void>;
}

export interface JobRunnerOptions {
  /** For LISTEN (a connection of its own); without it, instances find new work by polling only. */
  listenUrl?: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * Runs the registered jobs of this instance. New work is announced by NOTIFY on commit (so a
 * write's job starts within milliseconds on some instance); a poll every few seconds catches
 * retries that became due, notifications missed while the LISTEN connection was down, and runs
 * abandoned by an instance that died. Nest-free, so it can be driven directly in specs.
 */
export class JobRunner {
  private readonly lanes = new Map<string, Lane>();
  private readonly scheduler: JobScheduler;
  private running = false;
  private poller?: NodeJS.Timeout;
  private listener?: Client;
  private listenRetry?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly options: JobRunnerOptions,
  ) {
    this.scheduler = new JobScheduler(db);
  }

  /** Declares a job's handler (at most one per name, in each instance that runs it). */
  register<P extends JobPayload>(definition: JobDefinition<P>): void {
    const name = definition.type.name;
    if (this.lanes.has(name)) throw new Error(`job "${name}" is registered twice`);
    if (this.running) throw new Error(`job "${name}" registered after the runner started`);
    if (definition.schedule) {
      validateSchedule(definition.schedule);
      this.scheduler.add(definition.type as JobType<JobPayload>, definition.schedule);
    }
    this.lanes.set(name, {
      definition: definition as unknown as JobDefinition<JobPayload>,
      retry: { ...DEFAULT_RETRY, ...definition.retry },
      due: true,
    });
  }

  get names(): string[] {
    return [...this.lanes.keys()];
  }

  /** Whether `name` carries a payload-free schedule (what an operator may run by hand). */
  isScheduled(name: string): boolean {
    return !!this.lanes.get(name)?.definition.schedule;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.scheduler.install();
    if (this.options.listenUrl) await this.listen();
    for (const lane of this.lanes.values()) lane.loop = this.work(lane);
    const polls = [...this.lanes.values()].map((lane) => lane.definition.pollSeconds ?? DEFAULT_POLL_S);
    const pollMs = (polls.length ? Math.min(...polls) : DEFAULT_POLL_S) * 1000;
    this.poller = setInterval(() => void this.poll(), pollMs);
    this.poller.unref();
  }

  /** Stops claiming; waits (up to 10 s) for runs in progress. Unfinished runs are retried after their lease. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.poller);
    clearTimeout(this.listenRetry);
    for (const lane of this.lanes.values()) lane.wake?.();
    const loops = Promise.all([...this.lanes.values()].map((lane) => lane.loop));
    await Promise.race([loops, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
    await this.listener?.end().catch(() => undefined);
  }

  /** There may be work for `name` in this instance (e.g. a NOTIFY arrived). */
  wake(name: string): void {
    const lane = this.lanes.get(name);
    if (!lane) return;
    lane.due = true;
    lane.wake?.();
  }

  /** Waiting jobs of this type whose next retry lies ahead run now (e.g. their dependency is back). */
  async retryNow<P extends JobPayload>(type: JobType<P>): Promise<void> {
    if ((await JobStore.retryNow(this.db.manager, type.name)) > 0) this.wake(type.name);
  }

  /** LISTEN on a connection of its own; when it is lost (the database restarts), again every second. */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.listenUrl });
    this.listener = client;
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      if (err) this.options.logger.warn({ err }, 'job notifications lost; polling until they return');
      this.listenRetry = setTimeout(() => void this.listen(), 1_000);
    };
    client.on('notification', (message) => message.payload && this.wake(message.payload));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
    } catch (err) {
      onLost(err);
      return;
    }
    // Whatever was announced while we were not listening.
    for (const lane of this.lanes.values()) this.wake(lane.definition.type.name);
  }

  private async poll(): Promise<void> {
    try {
      for (const name of await this.scheduler.tick()) this.wake(name);
      for (const { name, abandoned } of await JobStore.dueNames(this.db.manager, this.names)) {
        if (abandoned) await JobStore.reclaimAbandoned(this.db.manager, name, this.lanes.get(name)!.retry.attempts);
        this.wake(name);
      }
    } catch (err) {
      this.options.logger.warn({ err }, 'job poll failed; will retry');
    }
  }

  private async work(lane: Lane): Promise<void> {
    while (this.running) {
      if (!lane.due) {
        await new Promise<void>((resolve) => (lane.wake = resolve));
        lane.wake = undefined;
        continue;
      }
      lane.due = false;
      try {
        // Claimed work may be followed by more: look again at once.
        if ((await this.runOnce(lane)) > 0) lane.due = true;
      } catch (err) {
        // The database itself failed (a claim or a fail record): the poller will wake us again.
        this.options.logger.warn({ err, job: lane.definition.type.name }, 'job lane failed; will retry');
      }
    }
  }

  /** One claim and its runs; returns how many jobs it claimed. */
  private async runOnce(lane: Lane): Promise<number> {
    const definition = lane.definition;
    const size = 'handleBatch' in definition ? definition.batchSize : (definition.claimSize ?? 1);
    const lease = (definition.timeoutSeconds ?? DEFAULT_TIMEOUT_S) * ('handleBatch' in definition ? 1 : size);
    const claim = randomUUID();
    const rows = await this.claim(lane, size, lease, claim);
    if (rows.length === 0) return 0;
    if ('handleBatch' in definition) {
      await this.run(lane, claim, rows, (manager) => definition.handleBatch(rows.map(toJob), manager));
    } else {
      for (const row of rows) await this.run(lane, claim, [row], (manager) => definition.handle(toJob(row), manager));
    }
    return rows.length;
  }

  private async claim(lane: Lane, size: number, lease: number, claim: string): Promise<ClaimedRow[]> {
    const name = lane.definition.type.name;
    if (!lane.definition.exclusive) return JobStore.claim(this.db.manager, name, size, lease, claim);
    // Claims of an exclusive job queue on its lock, so two instances cannot both see it idle.
    return this.db.transaction(async (manager) => {
      if (!(await tryLockForTransaction(manager, Locks.job(name)))) return [];
      if (await JobStore.isRunning(manager, name)) return [];
      return JobStore.claim(manager, name, 1, lease, claim);
    });
  }

  private async run(
    lane: Lane,
    claim: string,
    rows: ClaimedRow[],
    handler: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const name = lane.definition.type.name;
    const ids = rows.map((row) => row.id);
    try {
      await this.db.transaction(async (manager) => {
        await handler(manager);
        if ((await JobStore.complete(manager, ids, claim)) !== ids.length) {
          throw new Error('the lease ran out and another instance took the job: its run is undone');
        }
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const outcomes = rows.map((row) => ({
        id: row.id,
        final: row.attempts >= lane.retry.attempts,
        delaySeconds: retryDelaySeconds(row.attempts, lane.retry),
      }));
      await JobStore.fail(this.db.manager, claim, outcomes, message);
      const final = outcomes.filter((o) => o.final).length;
      const log = { job: name, jobIds: ids, attempt: rows[0].attempts, err: message };
      if (final) this.options.logger.error(log, 'job failed for good after its last attempt');
      else
        this.options.logger.warn({ ...log, retryIn: Math.round(outcomes[0].delaySeconds) }, 'job failed; will retry');
    }
  }
}
