import { createEvents, EventAttributes } from 'ics';
import { EventEntity } from './event.entity';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/**
 * Events as an iCalendar file (RFC 5545), built by the `ics` library. Times are written as UTC
 * instants (`…Z`), which every calendar shows in its own zone: a Paris event is 14:00 in Paris
 * whatever summer time did between its creation and the day. `X-WR-TIMEZONE` tells calendars that
 * display the feed's zone to use Europe/Paris. A cancelled event is `STATUS:CANCELLED`.
 */
export function toICalendar(events: EventEntity[], options: { name: string; urlOf: (id: string) => string }): string {
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: `${event.id}@maillage`,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: event.description || undefined,
    location: event.location ?? undefined,
    url: event.onlineUrl ?? options.urlOf(event.id),
    status: event.cancelledAt ? 'CANCELLED' : 'CONFIRMED',
    // Calendars replace their copy when the sequence grows: the last change's time in seconds.
    sequence: Math.floor(event.updatedAt.getTime() / 1000) - Math.floor(event.createdAt.getTime() / 1000),
    created: event.createdAt.getTime(),
    lastModified: event.updatedAt.getTime(),
    productId: 'maillage/events',
    calName: options.name,
  }));
  const { error, value } = createEvents(attributes, { productId: 'maillage/events', calName: options.name });
  if (error || !value) throw error ?? new Error('iCalendar generation failed');
  return value.replace('BEGIN:VCALENDAR\r\n', 'BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Europe/Paris\r\n');
}
