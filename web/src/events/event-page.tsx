import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { EventPageQuery } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { useSocketEvent } from '../lib/socket/use-socket';
import { downloadEventIcs } from './download-ics';
import { PlacesText } from './event-list';
import { formatEventTimes } from './event-time';
import { eventRoute } from './routes';
import './events.css';

const EventQuery = graphql(`
  query EventPage($id: ID!) {
    event(id: $id) {
      id
      title
      description
      startsAt
      endsAt
      location
      onlineUrl
      capacity
      goingCount
      waitlistCount
      placesLeft
      viewerRsvp
      viewerWaitlistPosition
      viewerCanManage
      cancelledAt
      group {
        id
        name
      }
      author {
        id
        displayName
      }
      attendees(first: 100) {
        totalCount
        edges {
          node {
            status
            position
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

const RsvpMutation = graphql(`
  mutation EventsRsvp($eventId: ID!, $going: Boolean!) {
    rsvp(eventId: $eventId, going: $going) {
      id
      goingCount
      waitlistCount
      placesLeft
      viewerRsvp
      viewerWaitlistPosition
    }
  }
`);

const CancelMutation = graphql(`
  mutation EventsCancel($id: ID!) {
    cancelEvent(id: $id)
  }
`);

type Event = NonNullable<EventPageQuery['event']>;

/** /evenements/$id: when and where, places left, the viewer's answer, who goes, the calendar file. */
export function EventPage() {
  const { t } = useLingui();
  const { id } = eventRoute.useParams();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: EventQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const event = data?.event;
  usePageTitle(event?.title ?? (error && !fetching ? t`Événement introuvable` : t`Événement`));
  // Promoted from the waitlist, or the event cancelled, while the page is open.
  useSocketEvent('notification:new', (notification) => {
    if (notification.subjectId === id) refetch({ requestPolicy: 'network-only' });
  });

  if (!event) {
    if (!error)
      return (
        <section className="page" aria-busy="true">
          <h1>
            <Trans>Événement</Trans>
          </h1>
          <p role="status">
            <Trans>Chargement de l'événement…</Trans>
          </p>
        </section>
      );
    const notFound = error.graphQLErrors.some(
      (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT',
    );
    return (
      <section className="page">
        <h1>{notFound ? <Trans>Événement introuvable</Trans> : <Trans>Événement</Trans>}</h1>
        {notFound ? (
          <p>
            <Trans>Cet événement n'existe pas ou ne vous est pas accessible. Vérifiez le lien.</Trans>
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <p>
          <Link to="/evenements">
            <Trans>Voir mes événements</Trans>
          </Link>
        </p>
      </section>
    );
  }

  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <article className="page event-page" aria-labelledby="event-title">
      <p className="event-group">
        <Link to="/groupes/$id/evenements" params={{ id: event.group.id }}>
          {event.group.name}
        </Link>
      </p>
      <h1 id="event-title">{event.title}</h1>
      {event.cancelledAt ? (
        <p className="notice event-cancelled-notice">
          <Trans>Cet événement est annulé.</Trans>
        </p>
      ) : null}
      <dl className="event-facts">
        <dt>
          <Trans>Quand</Trans>
        </dt>
        <dd>{formatEventTimes(event.startsAt, event.endsAt)}</dd>
        {event.location ? (
          <>
            <dt>
              <Trans>Où</Trans>
            </dt>
            <dd>{event.location}</dd>
          </>
        ) : null}
        {event.onlineUrl ? (
          <>
            <dt>
              <Trans>En ligne</Trans>
            </dt>
            <dd>
              <a href={event.onlineUrl} rel="noopener noreferrer nofollow" target="_blank">
                {event.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>
          <Trans>Places</Trans>
        </dt>
        <dd className="event-places" aria-live="polite">
          <PlacesText event={event} />
          {event.capacity !== null && event.capacity !== undefined ? (
            <>
              {' '}
              <span className="muted">
                {plural(event.capacity, { one: '(# place en tout)', other: '(# places en tout)' })}
              </span>
            </>
          ) : null}
          {event.waitlistCount > 0 ? (
            <>
              {' · '}
              {plural(event.waitlistCount, {
                one: "# personne sur liste d'attente",
                other: "# personnes sur liste d'attente",
              })}
            </>
          ) : null}
        </dd>
        <dt>
          <Trans>Organisé par</Trans>
        </dt>
        <dd>{event.author?.displayName ?? t`Ancien membre`}</dd>
      </dl>
      {event.description ? <p className="event-description">{event.description}</p> : null}
      <RsvpPanel event={event} onChanged={refresh} />
      <CalendarButton eventId={event.id} />
      {event.viewerCanManage && !event.cancelledAt ? <CancelEvent event={event} onCancelled={refresh} /> : null}
      <Attendees event={event} />
    </article>
  );
}

/** The viewer's answer, and the button that changes it. */
function RsvpPanel({ event, onChanged }: { event: Event; onChanged: () => void }) {
  const [{ fetching, error }, rsvp] = useMutation(RsvpMutation);
  const over = new Date(event.endsAt).getTime() < Date.now();
  const answer = async (going: boolean) => {
    const result = await rsvp({ eventId: event.id, going });
    if (!result.error) onChanged();
  };
  const status =
    event.viewerRsvp === 'GOING' ? (
      <Trans>Inscrit : vous participez.</Trans>
    ) : event.viewerRsvp === 'WAITLISTED' ? (
      event.viewerWaitlistPosition ? (
        <Trans>Sur liste d'attente : position {event.viewerWaitlistPosition}.</Trans>
      ) : (
        <Trans>Sur liste d'attente.</Trans>
      )
    ) : null;
  return (
    <section className="event-rsvp" aria-labelledby="event-rsvp-title">
      <h2 id="event-rsvp-title">
        <Trans>Votre participation</Trans>
      </h2>
      <p className="event-rsvp-status" role="status">
        {status ?? <Trans>Vous ne participez pas.</Trans>}
      </p>
      {event.cancelledAt || over ? null : event.viewerRsvp === 'NOT_GOING' ? (
        <>
          <button type="button" className="button-primary" disabled={fetching} onClick={() => void answer(true)}>
            <Trans>Je participe</Trans>
          </button>
          {event.placesLeft === 0 ? (
            <p className="field-hint">
              <Trans>C'est complet : vous serez sur liste d'attente, et inscrit dès qu'une place se libère.</Trans>
            </p>
          ) : null}
        </>
      ) : (
        <button type="button" className="button-secondary" disabled={fetching} onClick={() => void answer(false)}>
          <Trans>Je ne participe plus</Trans>
        </button>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

function CalendarButton({ eventId }: { eventId: string }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="event-calendar">
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          setError(null);
          downloadEventIcs(eventId).catch(setError);
        }}
      >
        <Trans>Ajouter à mon agenda</Trans>
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

/** Cancelling, confirmed in a dialog: everyone going or waiting is told. */
function CancelEvent({ event, onCancelled }: { event: Event; onCancelled: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [{ fetching, error }, cancel] = useMutation(CancelMutation);
  return (
    <div className="event-manage">
      <button type="button" className="button-secondary button-danger" onClick={() => dialog.current?.showModal()}>
        <Trans>Annuler l'événement</Trans>
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="event-dialog">
        <h2 id={titleId}>
          <Trans>Annuler « {event.title} » ?</Trans>
        </h2>
        <p>
          <Trans>Les personnes inscrites et sur liste d'attente seront prévenues. L'annulation est définitive.</Trans>
        </p>
        <ErrorMessage error={error} />
        <div className="event-actions">
          <button
            type="button"
            className="button-primary button-danger"
            disabled={fetching}
            onClick={() =>
              void cancel({ id: event.id }, { additionalTypenames: ['Event'] }).then((result) => {
                if (result.error) return;
                dialog.current?.close();
                onCancelled();
              })
            }
          >
            <Trans>Annuler l'événement</Trans>
          </button>
          <button type="button" className="button-secondary" autoFocus onClick={() => dialog.current?.close()}>
            <Trans>Garder l'événement</Trans>
          </button>
        </div>
      </dialog>
    </div>
  );
}

function Attendees({ event }: { event: Event }) {
  const { t } = useLingui();
  const going = event.attendees.edges.filter((edge) => edge.node.status === 'GOING');
  const waiting = event.attendees.edges.filter((edge) => edge.node.status === 'WAITLISTED');
  return (
    <section className="event-attendees" aria-labelledby="event-attendees-title">
      <h2 id="event-attendees-title">
        <Trans>Participants</Trans>
      </h2>
      {going.length === 0 ? (
        <p className="events-empty">
          <Trans>Personne n'est encore inscrit.</Trans>
        </p>
      ) : (
        <ul className="attendee-list" aria-label={t`Inscrits`}>
          {going.map(({ node }) => (
            <li key={node.user.id}>
              <Link to="/personnes/$id" params={{ id: node.user.id }}>
                {node.user.displayName}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {waiting.length ? (
        <>
          <h3>
            <Trans>Liste d'attente</Trans>
          </h3>
          <ol className="attendee-list" aria-label={t`Liste d'attente`}>
            {waiting.map(({ node }) => (
              <li key={node.user.id}>
                <Link to="/personnes/$id" params={{ id: node.user.id }}>
                  {node.user.displayName}
                </Link>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
