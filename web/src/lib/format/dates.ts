const TIME_ZONE = 'Europe/Paris';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "12 mars 2026" */
export function formatDate(value: string | number | Date, locale = 'fr'): string {
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(value));
}

/** "12 mars 2026 à 14:05" */
export function formatDateTime(value: string | number | Date, locale = 'fr'): string {
  return formatter(locale, { dateStyle: 'long', timeStyle: 'short' }).format(toDate(value));
}

/** "14:05" */
export function formatTime(value: string | number | Date, locale = 'fr'): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit' }).format(toDate(value));
}

/** The calendar day in Paris, as YYYY-MM-DD (to tell "today" from "yesterday" where people live). */
function parisDay(date: Date): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "maintenant", "il y a 5 minutes", "il y a 3 heures", "hier", "avant-hier", "il y a 4 jours", then
 * the date. Past an hour, days are Paris calendar days: 22:00 yesterday seen at 09:00 is "hier".
 */
export function formatRelative(value: string | number | Date, now: Date = new Date(), locale = 'fr'): string {
  const date = toDate(value);
  const elapsed = now.getTime() - date.getTime();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsed < 0) return formatDateTime(date, locale);
  if (elapsed < 45 * SECOND) return relative.format(0, 'second');
  if (elapsed < HOUR) return relative.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute');
  const days = Math.round((Date.parse(parisDay(now)) - Date.parse(parisDay(date))) / DAY);
  if (days === 0) return relative.format(-Math.round(elapsed / HOUR), 'hour');
  if (days < 7) return relative.format(-days, 'day');
  return formatDate(date, locale);
}
