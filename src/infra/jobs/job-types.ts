import { EntityManager } from 'typeorm';

/** What a job carries: an object stored as JSON (ids and small values, never a whole document). */
export type JobPayload = object;

/**
 * A job's name with the type of its payload: what producers enqueue and what its handler receives.
 * Declare one beside the module that runs it, e.g. `export const RetentionJob = jobType<{}>('privacy.retention')`.
 */
export interface JobType<P extends JobPayload> {
  readonly name: string;
  /** Type-level only: carries P. */
  readonly payload?: P;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Names are `<module>.<job>` in kebab case, e.g. `search.index`, `mail.send`. */
export function jobType<P extends JobPayload>(name: string): JobType<P> {
  if (!NAME.test(name)) throw new Error(`job name "${name}" must look like "module.job" (lower case, dots)`);
  return { name };
}

/** A claimed job, as its handler sees it. */
export interface Job<P extends JobPayload> {
  id: string;
  payload: P;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  key: string | null;
  createdAt: Date;
}

/**
 * Retries with capped exponential backoff: after the n-th failed attempt the job waits
 * min(maxSeconds, baseSeconds · 2^(n-1)), minus up to half of it at random (so instances that
 * failed together do not retry together). After `attempts` runs it is `failed` (kept, counted in
 * /health/ready, logged); `attempts: Infinity` retries until it succeeds.
 */
export interface RetryPolicy {
  attempts: number;
  baseSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, baseSeconds: 2, maxSeconds: 600 };

/** `every` seconds (kept in step, not drifting), or a cron expression evaluated in `timeZone`. */
export type Schedule = { every: number } | { cron: string; timeZone?: string };

interface CommonDefinition<P extends JobPayload> {
  type: JobType<P>;
  retry?: Partial<RetryPolicy>;
  /**
   * How long a run may take before it counts as abandoned (its instance died) and another instance
   * takes the job again. Default 300 s.
   */
  timeoutSeconds?: number;
  /** At most one run of this job at a time across all instances (e.g. a purge). */
  exclusive?: boolean;
  /** Enqueued on this schedule by whichever instance gets there first, once per tick. */
  schedule?: Schedule;
  /** How often an instance looks for due work it was not told about (retries, lost notifications). Default 2 s. */
  pollSeconds?: number;
}

/**
 * A job's handler runs inside a transaction that also marks the job done, so the handler's own
 * writes and the job's completion commit together (or not at all). Throwing rolls back its writes
 * and schedules a retry.
 */
export interface SingleJobDefinition<P extends JobPayload> extends CommonDefinition<P> {
  handle(job: Job<P>, manager: EntityManager): Promise<void>;
  /** Jobs run one after the other, each in its own transaction; default 10 claimed at a time. */
  claimSize?: number;
}

/** For work that is cheaper in bulk (index writes): up to `batchSize` jobs in one transaction, retried together. */
export interface BatchJobDefinition<P extends JobPayload> extends CommonDefinition<P> {
  handleBatch(jobs: Job<P>[], manager: EntityManager): Promise<void>;
  batchSize: number;
}

export type JobDefinition<P extends JobPayload> = SingleJobDefinition<P> | BatchJobDefinition<P>;

/** The delay before the next attempt after `attempt` failed runs (jitter from `random`, in [0, 1)). */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy, random = Math.random()): number {
  const full = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return full * (1 - random / 2);
}
