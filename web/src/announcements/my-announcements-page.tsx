import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime } from '../lib/format/dates';
import './announcements.css';

const MyAnnouncementsQuery = graphql(`
  query MyAnnouncements {
    myAnnouncements(first: 50) {
      edges {
        node {
          id
          title
          sentAt
          viewerHasRead
          viewerHasAcknowledged
          requireAcknowledgement
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

/** /annonces: what the viewer's organisations announced to them, newest first, the unread ones marked. */
export function MyAnnouncementsPage() {
  const { t } = useLingui();
  usePageTitle(t`Annonces`);
  const [{ data, fetching, error }] = useQuery({ query: MyAnnouncementsQuery, requestPolicy: 'cache-and-network' });
  const items = data?.myAnnouncements.edges.map((e) => e.node) ?? [];
  return (
    <section className="page announcements-page">
      <h1>
        <Trans>Annonces</Trans>
      </h1>
      <ErrorMessage error={error} />
      {fetching && !data ? (
        <p>
          <Trans>Chargement des annonces…</Trans>
        </p>
      ) : null}
      {data && items.length === 0 ? (
        <p className="muted">
          <Trans>Aucune annonce pour l'instant. Les annonces de vos associations arriveront ici.</Trans>
        </p>
      ) : null}
      <ul className="announcement-list" aria-label={t`Mes annonces`}>
        {items.map((item) => (
          <li key={item.id} className={item.viewerHasRead ? 'announcement-item' : 'announcement-item is-unread'}>
            <Link to="/annonces/$id" params={{ id: item.id }} className="announcement-link">
              {item.viewerHasRead ? null : (
                <span className="announcement-unread">
                  <Trans>Non lue</Trans>
                  <span className="sr-only"> : </span>
                </span>
              )}
              <span className="announcement-title">{item.title}</span>
            </Link>
            <span className="announcement-meta">
              {item.organization.name} · {formatDateTime(item.sentAt)}
              {item.requireAcknowledgement && !item.viewerHasAcknowledged ? (
                <>
                  {' · '}
                  <Trans>Accusé de lecture demandé</Trans>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
