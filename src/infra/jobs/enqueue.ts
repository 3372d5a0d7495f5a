import { EntityManager } from 'typeorm';
import { JobPayload, JobType } from './job-types';

/** The channel instances LISTEN on; a notification names the job that has new work. */
export const JOBS_CHANNEL = 'maillage_jobs';

export interface EnqueueOptions {
  /**
   * Idempotency key: a second job of the same name and key is not added (the call returns false),
   * whether the first is waiting, running, done or failed, until finished jobs are purged (30 days).
   * E.g. `invitation:<id>:sent`, `reminder:<membership>:<milestone>`.
   */
  key?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
}

/** A transaction opened by TypeORM (`db.transaction(manager => …)`), not the pool's shared manager. */
export function assertInTransaction(manager: EntityManager, what: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`${what} must run inside the transaction of the write that causes it (db.transaction(...))`);
  }
}

/**
 * Queues jobs in the caller's transaction: they exist exactly when the write that caused them
 * commits, and instances hear of them at that moment (NOTIFY is delivered on commit). Returns how
 * many were added (items whose key is already taken are skipped).
 */
export async function enqueueMany<P extends JobPayload>(
  manager: EntityManager,
  type: JobType<P>,
  items: { payload: P; key?: string; runAt?: Date }[],
): Promise<number> {
  assertInTransaction(manager, `enqueue(${type.name})`);
  if (items.length === 0) return 0;
  const [{ added }] = (await manager.query(
    `WITH added AS (
       INSERT INTO jobs (name, payload, key, run_at)
       SELECT $1, payload, key, coalesce(run_at, now())
         FROM unnest($2::jsonb[], $3::text[], $4::timestamptz[]) AS item(payload, key, run_at)
       ON CONFLICT (name, key) WHERE key IS NOT NULL DO NOTHING
       RETURNING 1),
     notified AS (SELECT pg_notify($5, $1) FROM (SELECT 1 FROM added LIMIT 1) AS one)
     SELECT (SELECT count(*) FROM added)::int AS added, (SELECT count(*) FROM notified)::int AS notified`,
    [
      type.name,
      items.map((item) => JSON.stringify(item.payload)),
      items.map((item) => item.key ?? null),
      items.map((item) => item.runAt ?? null),
      JOBS_CHANNEL,
    ],
  )) as { added: number }[];
  return added;
}

/** One job; false when its key was already taken. */
export async function enqueue<P extends JobPayload>(
  manager: EntityManager,
  type: JobType<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<boolean> {
  return (await enqueueMany(manager, type, [{ payload, ...options }])) === 1;
}
