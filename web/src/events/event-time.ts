/**
 * Event times: instants from the server, read and typed as Paris wall-clock time (the federation's
 * clock, summer time included), whatever the device's own zone.
 */
const TIME_ZONE = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The Paris wall-clock reading of an instant. */
export function parisWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** How far Paris is ahead of UTC at that instant, in milliseconds (1 h in winter, 2 h in summer). */
function parisOffset(instant: Date): number {
  const wall = parisWallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-04-12T14:00": the value of a `datetime-local` field showing this instant in Paris time. */
export function toParisInput(value: string | Date): string {
  const wall = parisWallClock(new Date(value));
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The instant a `datetime-local` value means in Paris; null when the value is empty or malformed. */
export function fromParisInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then at the corrected instant (they differ only around a change of time).
  const first = guess - parisOffset(new Date(guess));
  return new Date(guess - parisOffset(new Date(first)));
}

/** YYYY-MM-DD of the Paris calendar day of an instant. */
export function parisDay(value: string | Date): string {
  const wall = parisWallClock(new Date(value));
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** "samedi 12 avril 2026, 14:00 – 16:00", or across days "… 14:00 – dimanche 13 avril 2026, 12:00". */
export function formatEventTimes(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const from = `${dayFormat.format(start)}, ${timeFormat.format(start)}`;
  if (parisDay(start) === parisDay(end)) return `${from} – ${timeFormat.format(end)}`;
  return `${from} – ${dayFormat.format(end)}, ${timeFormat.format(end)}`;
}

export function formatEventTime(value: string): string {
  return timeFormat.format(new Date(value));
}
