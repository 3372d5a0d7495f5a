import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Lifecycle } from '../../common/health/lifecycle';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { enqueue } from './enqueue';
import { JobRunner } from './job-runner';
import { JobStore, KEEP_FINISHED_DAYS } from './job-store';
import { JobDefinition, JobPayload, JobType, jobType } from './job-types';

/** Deletes finished jobs (done or failed) older than 30 days, nightly. */
export const PurgeFinishedJobs = jobType<Record<string, never>>('jobs.purge-finished');

/**
 * The job system in the Nest app: modules `register` their jobs while the app is built (in
 * `onModuleInit`); the server `start`s the runner once it is up (a CLI command never does, so it
 * runs nothing in the background). `/health/ready` shows waiting and failed jobs per name.
 */
@Injectable()
export class JobsService implements OnModuleDestroy {
  private readonly logger = createLogger('Jobs');
  private readonly runner: JobRunner;

  constructor(
    private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    lifecycle: Lifecycle,
  ) {
    this.runner = new JobRunner(db, { listenUrl: config.databaseUrl, logger: this.logger });
    this.runner.register({
      type: PurgeFinishedJobs,
      schedule: { cron: '30 3 * * *' },
      exclusive: true,
      handle: async (_job, manager) => {
        const purged = await JobStore.purgeFinished(manager);
        if (purged) this.logger.info({ purged, olderThanDays: KEEP_FINISHED_DAYS }, 'finished jobs purged');
      },
    });
    // Failures never make an instance unready: they are reported for operators to look at.
    lifecycle.registerCheck('jobs', async () => {
      const counts = await JobStore.counts(this.db.manager);
      const pick = (field: 'waiting' | 'failed') =>
        Object.fromEntries([...counts].filter(([, c]) => c[field] > 0).map(([name, c]) => [name, c[field]]));
      return { status: 'up', detail: { waiting: pick('waiting'), failed: pick('failed') } };
    });
  }

  register<P extends JobPayload>(definition: JobDefinition<P>): void {
    this.runner.register(definition);
  }

  /** Starts this instance's workers and schedules (the server does, once the app is initialised). */
  start(): Promise<void> {
    return this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }

  /** Waiting (queued or running) and failed jobs of one name. */
  async counts<P extends JobPayload>(type: JobType<P>): Promise<{ waiting: number; failed: number }> {
    return (await JobStore.counts(this.db.manager)).get(type.name) ?? { waiting: 0, failed: 0 };
  }

  /** `cli jobs:status`: waiting and failed jobs per name. */
  async allCounts(): Promise<Map<string, { waiting: number; failed: number }>> {
    return JobStore.counts(this.db.manager);
  }

  /**
   * `cli jobs:run NAME`: one run of a scheduled job now, on whichever instance takes it (enqueued
   * here, run by the servers). False for a name that is not a scheduled job.
   */
  async runNow(name: string): Promise<boolean> {
    if (!this.runner.isScheduled(name)) return false;
    return this.db.transaction((manager) =>
      enqueue(manager, jobType(name), {}, { key: `manual:${new Date().toISOString()}` }),
    );
  }

  /** `cli jobs:retry NAME`: failed jobs of that name are tried again. */
  requeueFailed(name: string): Promise<number> {
    return JobStore.requeueFailed(this.db.manager, name);
  }

  /** Retries of this job that lie ahead happen now (e.g. the service they need is back). */
  retryNow<P extends JobPayload>(type: JobType<P>): Promise<void> {
    return this.runner.retryNow(type);
  }
}
