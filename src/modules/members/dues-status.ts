/** Where a membership stands with its dues, computed from dated periods (never stored). */
export type DuesStatusValue = 'UP_TO_DATE' | 'GRACE' | 'LAPSED' | 'NONE';

/** A paid period, both days included, as `YYYY-MM-DD`. */
export interface DuesPeriod {
  start: string;
  end: string;
}

const DAY_MS = 24 * 3600 * 1000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

/** `isoDate` plus `days` (negative: minus), as `YYYY-MM-DD`. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The last day paid for: the latest end among the periods; null if never paid. */
export function duesPaidUntil(periods: readonly DuesPeriod[]): string | null {
  let last: string | null = null;
  for (const period of periods) if (last === null || period.end > last) last = period.end;
  return last;
}

/**
 * UP_TO_DATE while a paid period reaches today (a renewal paid ahead for a period that has not
 * started yet counts: the person has renewed); GRACE for `graceDays` days after the last paid day;
 * LAPSED after that; NONE if never paid. `member-filter.sql.ts` computes the same in SQL.
 */
export function duesStatus(periods: readonly DuesPeriod[], today: string, graceDays: number): DuesStatusValue {
  return duesStatusFromPaidUntil(duesPaidUntil(periods), today, graceDays);
}

export function duesStatusFromPaidUntil(paidUntil: string | null, today: string, graceDays: number): DuesStatusValue {
  if (paidUntil === null) return 'NONE';
  if (paidUntil >= today) return 'UP_TO_DATE';
  return dayNumber(today) - dayNumber(paidUntil) <= graceDays ? 'GRACE' : 'LAPSED';
}

/** Today's date where the associations are (France), whatever the server's zone. */
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
