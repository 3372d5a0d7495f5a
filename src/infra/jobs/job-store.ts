import { EntityManager } from 'typeorm';
import { JOBS_CHANNEL } from './enqueue';
import { Job, JobPayload } from './job-types';

/** Finished jobs (done or failed) are kept this long: idempotency keys hold, and operators can look. */
export const KEEP_FINISHED_DAYS = 30;

export interface ClaimedRow {
  id: string;
  payload: unknown;
  attempts: number;
  key: string | null;
  created_at: Date;
}

export function toJob<P extends JobPayload>(row: ClaimedRow): Job<P> {
  return { id: row.id, payload: row.payload as P, attempt: row.attempts, key: row.key, createdAt: row.created_at };
}

/**
 * The SQL of the job table, in one place. A claim is a lease: the rows become `running` under a
 * random claim id until `locked_until`; completing or failing them requires that claim id, so an
 * instance whose lease ran out (and whose job another instance took) can change nothing.
 */
export const JobStore = {
  /** Takes up to `limit` due jobs of `name`, oldest due first; other instances skip them (SKIP LOCKED). */
  async claim(
    db: EntityManager,
    name: string,
    limit: number,
    leaseSeconds: number,
    claim: string,
  ): Promise<ClaimedRow[]> {
    return (await db.query(
      `WITH picked AS (
         SELECT id FROM jobs WHERE name = $1 AND state = 'queued' AND run_at <= now()
          ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, claim = $4,
                locked_until = now() + make_interval(secs => $3)
           FROM picked WHERE j.id = picked.id
         RETURNING j.id, j.payload, j.attempts, j.key, j.created_at)
       -- (A CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].)
       SELECT * FROM claimed ORDER BY id`,
      [name, limit, leaseSeconds, claim],
    )) as ClaimedRow[];
  },

  /** Whether a run of `name` holds a live lease (for exclusive jobs). */
  async isRunning(db: EntityManager, name: string): Promise<boolean> {
    const rows = (await db.query(
      `SELECT 1 FROM jobs WHERE name = $1 AND state = 'running' AND locked_until > now() LIMIT 1`,
      [name],
    )) as unknown[];
    return rows.length > 0;
  },

  /**
   * Marks claimed jobs done, in the handler's transaction. A job with a key stays as `done` (without
   * its payload) so the key keeps refusing duplicates; one without is deleted. Returns how many
   * were still ours.
   */
  async complete(db: EntityManager, ids: string[], claim: string): Promise<number> {
    const [{ count }] = (await db.query(
      `WITH mine AS (SELECT id, key FROM jobs WHERE id = ANY($1::bigint[]) AND claim = $2 FOR UPDATE),
            gone AS (DELETE FROM jobs j USING mine WHERE j.id = mine.id AND mine.key IS NULL RETURNING 1),
            kept AS (UPDATE jobs j SET state = 'done', payload = '{}', finished_at = now(), claim = NULL,
                            locked_until = NULL, last_error = NULL
                       FROM mine WHERE j.id = mine.id AND mine.key IS NOT NULL RETURNING 1)
       SELECT ((SELECT count(*) FROM gone) + (SELECT count(*) FROM kept))::int AS count`,
      [ids, claim],
    )) as { count: number }[];
    return count;
  },

  /** After a failed run: back to `queued` after its delay, or `failed` when it has no attempt left. */
  async fail(
    db: EntityManager,
    claim: string,
    outcomes: { id: string; final: boolean; delaySeconds: number }[],
    error: string,
  ): Promise<void> {
    await db.query(
      `UPDATE jobs j SET state = CASE WHEN o.final THEN 'failed' ELSE 'queued' END,
              run_at = CASE WHEN o.final THEN j.run_at ELSE now() + make_interval(secs => o.delay) END,
              finished_at = CASE WHEN o.final THEN now() END,
              last_error = $3, claim = NULL, locked_until = NULL
         FROM unnest($1::bigint[], $2::boolean[], $4::float8[]) AS o(id, final, delay)
        WHERE j.id = o.id AND j.claim = $5`,
      [
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.final),
        error.slice(0, 1000),
        outcomes.map((o) => o.delaySeconds),
        claim,
      ],
    );
  },

  /** Names among `names` with work due now, or with a run whose lease ran out (its instance died). */
  async dueNames(db: EntityManager, names: string[]): Promise<{ name: string; abandoned: boolean }[]> {
    return (await db.query(
      `SELECT n.name,
              EXISTS (SELECT 1 FROM jobs j WHERE j.name = n.name AND j.state = 'running' AND j.locked_until < now()) AS abandoned
         FROM unnest($1::text[]) AS n(name)
        WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.name = n.name AND j.state = 'queued' AND j.run_at <= now())
           OR EXISTS (SELECT 1 FROM jobs j WHERE j.name = n.name AND j.state = 'running' AND j.locked_until < now())`,
      [names],
    )) as { name: string; abandoned: boolean }[];
  },

  /** Runs whose lease ran out go back to the queue (the attempt counts), or fail when none is left. */
  async reclaimAbandoned(db: EntityManager, name: string, maxAttempts: number): Promise<void> {
    await db.query(
      `UPDATE jobs SET state = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'queued' END,
              finished_at = CASE WHEN attempts >= $2 THEN now() END,
              run_at = now(), claim = NULL, locked_until = NULL,
              last_error = 'abandoned: its instance stopped, or it ran past its timeout'
        WHERE name = $1 AND state = 'running' AND locked_until < now()`,
      [name, Number.isFinite(maxAttempts) ? maxAttempts : 2_147_483_647],
    );
  },

  /** Waiting (queued or running) and failed jobs, per name. */
  async counts(db: EntityManager): Promise<Map<string, { waiting: number; failed: number }>> {
    const rows = (await db.query(
      `SELECT name, count(*) FILTER (WHERE state IN ('queued', 'running'))::int AS waiting,
              count(*) FILTER (WHERE state = 'failed')::int AS failed
         FROM jobs WHERE state IN ('queued', 'running', 'failed') GROUP BY name`,
    )) as { name: string; waiting: number; failed: number }[];
    return new Map(rows.map((row) => [row.name, { waiting: row.waiting, failed: row.failed }]));
  },

  /** Waiting jobs of `name` whose retry lies ahead become due now (a dependency came back). */
  async retryNow(db: EntityManager, name: string): Promise<number> {
    const [{ count }] = (await db.query(
      `WITH due AS (UPDATE jobs SET run_at = now() WHERE name = $1 AND state = 'queued' AND run_at > now() RETURNING 1)
       SELECT count(*)::int AS count FROM due`,
      [name],
    )) as { count: number }[];
    return count;
  },

  /** Failed jobs of `name` get a fresh set of attempts (an operator fixed the cause). */
  async requeueFailed(db: EntityManager, name: string): Promise<number> {
    const [{ count }] = (await db.query(
      `WITH again AS (UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL
                       WHERE name = $1 AND state = 'failed' RETURNING 1),
            notified AS (SELECT pg_notify($2, $1) FROM (SELECT 1 FROM again LIMIT 1) AS one)
       SELECT (SELECT count(*) FROM again)::int AS count, (SELECT count(*) FROM notified) AS notified`,
      [name, JOBS_CHANNEL],
    )) as { count: number }[];
    return count;
  },

  async purgeFinished(db: EntityManager): Promise<number> {
    const [{ count }] = (await db.query(
      `WITH gone AS (DELETE FROM jobs WHERE state IN ('done', 'failed')
                       AND finished_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*)::int AS count FROM gone`,
      [KEEP_FINISHED_DAYS],
    )) as { count: number }[];
    return count;
  },
};
