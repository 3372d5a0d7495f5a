/** "25", "25,5", "25,50 €", "1 200,00" or "25.50" as cents; undefined when it is not an amount of euros. */
export function euroToCents(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(compact)) return undefined;
  const [units, decimals = ''] = compact.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Today in Paris as YYYY-MM-DD (what a treasurer means by "today"). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The day before the same date a year later: the end of a yearly period that starts on `start`. */
export function yearEnd(start: string): string {
  const date = new Date(`${start}T12:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The day after `iso` (YYYY-MM-DD). */
export function nextDay(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 2550 → "25,50 €". */
export function centsToEuro(cents: number): string {
  return euros.format(cents / 100);
}
