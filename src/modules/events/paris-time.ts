const PARIS = 'Europe/Paris';

const dayAndTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** "le mardi 31 mars à 14:00": an instant as the federation reads it (Paris time, summer time included). */
export function formatParis(instant: Date): string {
  const parts = Object.fromEntries(dayAndTime.formatToParts(instant).map((part) => [part.type, part.value]));
  return `le ${parts.weekday} ${parts.day} ${parts.month} à ${parts.hour}:${parts.minute}`;
}
