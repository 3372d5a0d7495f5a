import { CronExpressionParser } from 'cron-parser';
import { Schedule } from './job-types';

/** The schedule as stored in `job_schedules.spec`: when it changes in code, the next run is recomputed. */
export function scheduleSpec(schedule: Schedule): string {
  return 'every' in schedule
    ? `every ${schedule.every}s`
    : `cron ${schedule.cron} ${schedule.timeZone ?? 'Europe/Paris'}`;
}

/** Throws at registration (boot) on a bad schedule rather than at its first tick. */
export function validateSchedule(schedule: Schedule): void {
  if ('every' in schedule) {
    if (!(schedule.every >= 1)) throw new Error(`schedule every ${schedule.every}s: must be at least 1 second`);
    return;
  }
  CronExpressionParser.parse(schedule.cron, { tz: schedule.timeZone ?? 'Europe/Paris' });
}

/**
 * The first run after `now` that follows `due` (the tick being fired, or none for a new schedule).
 * `every` keeps its cadence from the previous tick (no drift) and skips ticks missed while no
 * instance was running; cron takes the next occurrence after `now` in its time zone (Europe/Paris
 * by default: the federation's clock, with its summer time).
 */
export function nextRun(schedule: Schedule, now: Date, due?: Date): Date {
  if ('every' in schedule) {
    const step = schedule.every * 1000;
    if (!due) return new Date(now.getTime() + step);
    const missed = Math.floor((now.getTime() - due.getTime()) / step) + 1;
    return new Date(due.getTime() + Math.max(1, missed) * step);
  }
  const expression = CronExpressionParser.parse(schedule.cron, {
    currentDate: now,
    tz: schedule.timeZone ?? 'Europe/Paris',
  });
  return expression.next().toDate();
}
