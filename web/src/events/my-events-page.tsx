import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { EventList } from './event-list';
import './events.css';

const UpcomingEventsQuery = graphql(`
  query EventsUpcoming {
    upcomingEvents(first: 50) {
      edges {
        node {
          ...EventSummary
        }
      }
    }
  }
`);

/** /evenements: the viewer's coming events (their groups, what they follow, what they answered). */
export function MyEventsPage() {
  const { t } = useLingui();
  usePageTitle(t`Mes événements`);
  const [{ data, error }] = useQuery({ query: UpcomingEventsQuery, requestPolicy: 'cache-and-network' });
  const events = data?.upcomingEvents.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="page my-events" aria-labelledby="my-events-title">
      <h1 id="my-events-title" className="page-heading">
        <Trans>Mes événements</Trans>
      </h1>
      <p className="muted">
        <Trans>
          Les événements à venir de vos groupes et de ce que vous suivez. Pour les voir dans votre agenda, utilisez le
          lien de votre agenda personnel dans les <Link to="/parametres">paramètres</Link>.
        </Trans>
      </p>
      {error && !data ? (
        <ErrorMessage error={error} />
      ) : !data ? (
        <p role="status" className="events-loading">
          <Trans>Chargement des événements…</Trans>
        </p>
      ) : events.length === 0 ? (
        <p className="events-empty">
          <Trans>Aucun événement à venir. Les événements se créent dans les groupes, onglet « Événements ».</Trans>
        </p>
      ) : (
        <EventList events={events} label={t`Événements à venir`} showGroup />
      )}
    </section>
  );
}
