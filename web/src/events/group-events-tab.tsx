import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { CreateEventForm } from './create-event-form';
import { EventList } from './event-list';
import { fromParisInput, parisWallClock } from './event-time';
import { MonthView } from './month-view';
import { groupEventsRoute } from '../groups/routes';
import './events.css';

export const GroupEventsQuery = graphql(`
  query EventsOfGroup($groupId: ID!, $from: DateTime, $to: DateTime) {
    group(id: $groupId) {
      id
      viewerRole
    }
    events(groupId: $groupId, from: $from, to: $to, first: 100) {
      totalCount
      edges {
        node {
          ...EventSummary
        }
      }
    }
  }
`);

type View = 'list' | 'month';

/** The first instant of a Paris month, and of the next one. */
function monthBounds(year: number, month: number): { from: Date; to: Date } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    from: fromParisInput(`${year}-${pad(month)}-01T00:00`)!,
    to: fromParisInput(`${next.year}-${pad(next.month)}-01T00:00`)!,
  };
}

/** A group's events: the coming ones as a list, or a month at a time; members create them here. */
export function GroupEventsTab() {
  const { t } = useLingui();
  const { id: groupId } = groupEventsRoute.useParams();
  const [view, setView] = useState<View>('list');
  const [creating, setCreating] = useState(false);
  const createButton = useRef<HTMLButtonElement>(null);
  const today = parisWallClock(new Date());
  const [month, setMonth] = useState({ year: today.year, month: today.month });
  // "Now" is taken once per view change, so the query's variables stay stable between renders.
  const variables = useMemo(() => {
    if (view === 'list') return { groupId, from: new Date().toISOString(), to: null };
    const bounds = monthBounds(month.year, month.month);
    return { groupId, from: bounds.from.toISOString(), to: bounds.to.toISOString() };
  }, [groupId, view, month]);
  const [{ data, error }] = useQuery({ query: GroupEventsQuery, variables, requestPolicy: 'cache-and-network' });
  const isMember = Boolean(data?.group?.viewerRole);
  const events = data?.events.edges.map((edge) => edge.node) ?? [];

  return (
    <section className="group-events" aria-labelledby="group-events-title">
      <div className="events-header">
        <h2 id="group-events-title">
          <Trans>Événements du groupe</Trans>
        </h2>
        {isMember && !creating ? (
          <button ref={createButton} type="button" className="button-primary" onClick={() => setCreating(true)}>
            <Trans>Créer un événement</Trans>
          </button>
        ) : null}
      </div>
      {creating ? (
        <CreateEventForm
          groupId={groupId}
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => createButton.current?.focus());
          }}
        />
      ) : null}
      <div className="event-views" role="group" aria-label={t`Affichage des événements`}>
        <button
          type="button"
          className="event-view-chip"
          aria-pressed={view === 'list'}
          onClick={() => setView('list')}
        >
          <Trans>À venir</Trans>
        </button>
        <button
          type="button"
          className="event-view-chip"
          aria-pressed={view === 'month'}
          onClick={() => setView('month')}
        >
          <Trans>Vue du mois</Trans>
        </button>
      </div>
      {error && !data ? (
        <ErrorMessage
          error={error}
          overrides={{
            GROUP_PRIVATE: t`Ce groupe est privé : seuls ses membres voient ses événements. Demandez à le rejoindre.`,
          }}
        />
      ) : !data ? (
        <p role="status" className="events-loading">
          <Trans>Chargement des événements…</Trans>
        </p>
      ) : view === 'month' ? (
        <MonthView
          year={month.year}
          month={month.month}
          events={events}
          onMonth={(year, value) => setMonth({ year, month: value })}
        />
      ) : (
        <>
          <p className="events-count" role="status">
            {plural(events.length, { one: '# événement à venir', other: '# événements à venir' })}
          </p>
          {events.length === 0 ? (
            <p className="events-empty">
              {isMember ? (
                <Trans>Aucun événement prévu. Créez le premier : une réunion, un atelier, une sortie…</Trans>
              ) : (
                <Trans>Aucun événement prévu dans ce groupe.</Trans>
              )}
            </p>
          ) : (
            <EventList events={events} label={t`Événements à venir`} />
          )}
        </>
      )}
    </section>
  );
}
