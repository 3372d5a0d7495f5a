import { nextRun, scheduleSpec, validateSchedule } from './schedule';

const at = (iso: string) => new Date(iso);

describe('schedules', () => {
  it('every N seconds: first run one period after install, then in step with the previous tick', () => {
    const every = { every: 3600 };
    expect(nextRun(every, at('2026-03-01T10:00:00Z'))).toEqual(at('2026-03-01T11:00:00Z'));
    // Fired a few seconds late: the next tick keeps the cadence, it does not drift.
    expect(nextRun(every, at('2026-03-01T11:00:07Z'), at('2026-03-01T11:00:00Z'))).toEqual(at('2026-03-01T12:00:00Z'));
  });

  it('every N seconds: ticks missed while no instance ran are skipped, not replayed', () => {
    expect(nextRun({ every: 3600 }, at('2026-03-01T15:30:00Z'), at('2026-03-01T11:00:00Z'))).toEqual(
      at('2026-03-01T16:00:00Z'),
    );
  });

  it('cron runs at the federation’s local time, through the change to summer time', () => {
    const daily = { cron: '0 7 * * *' };
    // 07:00 in Paris is 06:00 UTC in winter and 05:00 UTC in summer (the change was on 29 March 2026).
    expect(nextRun(daily, at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T05:00:00Z'));
    expect(nextRun(daily, at('2026-03-27T12:00:00Z'))).toEqual(at('2026-03-28T06:00:00Z'));
    expect(nextRun({ cron: '0 7 * * *', timeZone: 'UTC' }, at('2026-03-28T12:00:00Z'))).toEqual(
      at('2026-03-29T07:00:00Z'),
    );
  });

  it('stores a spec that changes when the schedule changes in code', () => {
    expect(scheduleSpec({ every: 21600 })).toBe('every 21600s');
    expect(scheduleSpec({ cron: '30 3 * * *' })).toBe('cron 30 3 * * * Europe/Paris');
  });

  it('refuses a bad schedule at registration', () => {
    expect(() => validateSchedule({ cron: 'every day' })).toThrow();
    expect(() => validateSchedule({ every: 0 })).toThrow();
    expect(() => validateSchedule({ cron: '*/5 * * * *' })).not.toThrow();
  });
});
