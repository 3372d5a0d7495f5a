import { DataSource } from 'typeorm';
import { enqueue } from './enqueue';
import { JobPayload, JobType, Schedule } from './job-types';
import { nextRun, scheduleSpec } from './schedule';

interface Scheduled {
  type: JobType<JobPayload>;
  schedule: Schedule;
}

/**
 * Named schedules, shared by every instance through `job_schedules`: the instance that first sees a
 * tick due advances `next_run_at` and enqueues the job in one transaction (rows locked with SKIP
 * LOCKED, and the job keyed by its tick), so each tick runs once whatever the number of instances.
 */
export class JobScheduler {
  private readonly scheduled = new Map<string, Scheduled>();
  /** Earliest next tick known to this instance: no query is made before it. */
  private nextCheck = 0;

  constructor(private readonly db: DataSource) {}

  add(type: JobType<JobPayload>, schedule: Schedule): void {
    this.scheduled.set(type.name, { type, schedule });
  }

  get size(): number {
    return this.scheduled.size;
  }

  /** Writes each schedule; one whose definition changed in code gets its next run recomputed. */
  async install(): Promise<void> {
    if (this.scheduled.size === 0) return;
    const [{ now }] = (await this.db.query('SELECT now() AS now')) as { now: Date }[];
    const entries = [...this.scheduled.values()];
    await this.db.query(
      `INSERT INTO job_schedules (name, spec, next_run_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
       ON CONFLICT (name) DO UPDATE SET spec = EXCLUDED.spec, next_run_at = EXCLUDED.next_run_at
        WHERE job_schedules.spec <> EXCLUDED.spec`,
      [
        entries.map((entry) => entry.type.name),
        entries.map((entry) => scheduleSpec(entry.schedule)),
        entries.map((entry) => nextRun(entry.schedule, now)),
      ],
    );
    await this.refreshNextCheck();
  }

  /** Fires the ticks that are due (at most once each across instances); returns the names enqueued. */
  async tick(nowMs = Date.now()): Promise<string[]> {
    if (this.scheduled.size === 0 || nowMs < this.nextCheck) return [];
    const fired = await this.db.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT name, next_run_at, now() AS now FROM job_schedules
          WHERE name = ANY($1::text[]) AND next_run_at <= now() FOR UPDATE SKIP LOCKED`,
        [[...this.scheduled.keys()]],
      )) as { name: string; next_run_at: Date; now: Date }[];
      for (const row of due) {
        const { type, schedule } = this.scheduled.get(row.name)!;
        await manager.query('UPDATE job_schedules SET next_run_at = $2, last_run_at = now() WHERE name = $1', [
          row.name,
          nextRun(schedule, row.now, row.next_run_at),
        ]);
        await enqueue(manager, type, {}, { key: `schedule:${row.next_run_at.toISOString()}` });
      }
      return due.map((row) => row.name);
    });
    await this.refreshNextCheck();
    return fired;
  }

  private async refreshNextCheck(): Promise<void> {
    const [{ next }] = (await this.db.query(
      'SELECT extract(epoch FROM min(next_run_at)) * 1000 AS next FROM job_schedules WHERE name = ANY($1::text[])',
      [[...this.scheduled.keys()]],
    )) as { next: string | null }[];
    // Another instance may fire it first: we only look again at that moment.
    this.nextCheck = next === null ? Number.POSITIVE_INFINITY : Number(next);
  }
}
