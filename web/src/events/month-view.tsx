import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import type { EventSummary } from './event-list';
import { formatEventTime, parisDay } from './event-time';

const monthName = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const weekdayShort = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'short' });
const weekdayLong = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long' });
// 1 January 2024 was a Monday: the week's days from there.
const WEEK = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));

const pad = (n: number) => String(n).padStart(2, '0');

/** One month as a calendar (weeks from Monday), each day with its events, in Paris time. */
export function MonthView({
  year,
  month,
  events,
  onMonth,
}: {
  year: number;
  month: number;
  events: EventSummary[];
  onMonth: (year: number, month: number) => void;
}) {
  const { t } = useLingui();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const byDay = new Map<string, EventSummary[]>();
  for (const event of events) {
    const day = parisDay(event.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const named = monthName.format(new Date(Date.UTC(year, month - 1, 15)));
  const title = named.charAt(0).toUpperCase() + named.slice(1);
  const previous = month === 1 ? [year - 1, 12] : [year, month - 1];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];

  return (
    <div className="month-view">
      <div className="month-nav">
        <button type="button" className="button-secondary" onClick={() => onMonth(previous[0], previous[1])}>
          <span aria-hidden="true">‹{'\u00a0'}</span>
          <Trans>Mois précédent</Trans>
        </button>
        <button type="button" className="button-secondary" onClick={() => onMonth(next[0], next[1])}>
          <Trans>Mois suivant</Trans>
          <span aria-hidden="true">{'\u00a0'}›</span>
        </button>
      </div>
      <table className="month-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            {WEEK.map((day) => (
              <th key={day.toISOString()} scope="col">
                <abbr title={weekdayLong.format(day)}>{weekdayShort.format(day)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => {
                if (day === null) return <td key={j} className="month-empty" />;
                const key = `${year}-${pad(month)}-${pad(day)}`;
                const dayEvents = byDay.get(key) ?? [];
                return (
                  <td key={j} className={dayEvents.length ? 'month-day month-day-busy' : 'month-day'}>
                    <span className="month-day-number">{day}</span>
                    {dayEvents.length ? (
                      <ul aria-label={t`Le ${day}`}>
                        {dayEvents.map((event) => (
                          <li key={event.id} className={event.cancelledAt ? 'month-event-cancelled' : undefined}>
                            <Link to="/evenements/$id" params={{ id: event.id }}>
                              <span className="month-event-time">{formatEventTime(event.startsAt)}</span> {event.title}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 ? (
        <p className="events-empty">
          <Trans>Aucun événement ce mois-ci.</Trans>
        </p>
      ) : null}
    </div>
  );
}
