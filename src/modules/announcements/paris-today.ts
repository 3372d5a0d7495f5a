const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** Today in Paris (the federation's date), as YYYY-MM-DD. */
export function parisToday(now = new Date()): string {
  return PARIS_DATE.format(now);
}
