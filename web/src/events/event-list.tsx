import { plural } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { graphql } from '../gql';
import type { EventSummaryFragment } from '../gql/graphql';
import { formatEventTimes } from './event-time';

export const EventSummaryFields = graphql(`
  fragment EventSummary on Event {
    id
    title
    startsAt
    endsAt
    location
    capacity
    placesLeft
    goingCount
    viewerRsvp
    cancelledAt
    group {
      id
      name
    }
  }
`);

export type EventSummary = EventSummaryFragment;

/** What is left of an event, in words: "3 places restantes", "Complet", "12 participants". */
export function PlacesText({ event }: { event: Pick<EventSummary, 'capacity' | 'placesLeft' | 'goingCount'> }) {
  if (
    event.capacity === null ||
    event.capacity === undefined ||
    event.placesLeft === null ||
    event.placesLeft === undefined
  )
    return <>{plural(event.goingCount, { one: '# participant', other: '# participants' })}</>;
  if (event.placesLeft === 0) return <Trans>Complet</Trans>;
  return <>{plural(event.placesLeft, { one: '# place restante', other: '# places restantes' })}</>;
}

/** The viewer's answer as a badge, when they gave one. */
export function RsvpBadge({ status }: { status: EventSummary['viewerRsvp'] }) {
  if (status === 'GOING')
    return (
      <span className="event-badge event-badge-going">
        <Trans>Inscrit</Trans>
      </span>
    );
  if (status === 'WAITLISTED')
    return (
      <span className="event-badge">
        <Trans>Sur liste d'attente</Trans>
      </span>
    );
  return null;
}

/** Events as a list of cards: title (a link), when, where, places, the viewer's answer. */
export function EventList({
  events,
  label,
  showGroup,
}: {
  events: EventSummary[];
  label: string;
  showGroup?: boolean;
}) {
  return (
    <ul className="event-list" aria-label={label}>
      {events.map((event) => (
        <li key={event.id} className="event-card">
          <p className="event-card-title">
            <Link to="/evenements/$id" params={{ id: event.id }}>
              {event.title}
            </Link>{' '}
            {event.cancelledAt ? (
              <span className="event-badge event-badge-cancelled">
                <Trans>Annulé</Trans>
              </span>
            ) : (
              <RsvpBadge status={event.viewerRsvp} />
            )}
          </p>
          <p className="event-card-when">{formatEventTimes(event.startsAt, event.endsAt)}</p>
          {event.location ? <p className="event-card-where">{event.location}</p> : null}
          <p className="event-card-meta">
            {showGroup ? (
              <>
                <Link to="/groupes/$id/evenements" params={{ id: event.group.id }}>
                  {event.group.name}
                </Link>
                {' · '}
              </>
            ) : null}
            <PlacesText event={event} />
          </p>
        </li>
      ))}
    </ul>
  );
}
