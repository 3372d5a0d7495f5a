import { Trans, useLingui } from '@lingui/react/macro';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { refreshShellData } from '../app/shell/shell-data';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime, formatRelative } from '../lib/format/dates';
import { useConnectionState, useSocketEvent } from '../lib/socket/use-socket';
import { notificationPath, useNotificationSentence } from './notification-text';
import './notifications.css';

const PAGE = 30;

const NotificationsListQuery = graphql(`
  query NotificationsList($first: Int!) {
    notifications(first: $first) {
      edges {
        node {
          id
          type
          subjectId
          questionId
          text
          createdAt
          readAt
          actor {
            id
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const NotificationsMarkRead = graphql(`
  mutation NotificationsMarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** /notifications: newest first, unread ones marked, each leading to its subject; live. */
export function NotificationsPage() {
  const { t } = useLingui();
  usePageTitle(t`Notifications`);
  const router = useRouter();
  const sentence = useNotificationSentence();
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NotificationsListQuery,
    variables: { first },
    requestPolicy: 'cache-and-network',
  });
  const [markState, markRead] = useMutation(NotificationsMarkRead);
  // Read here, before the server's answer comes back.
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());

  useSocketEvent('notification:new', () => refetch({ requestPolicy: 'network-only' }));
  // Live delivery reaches connected sockets only: once (re)connected, ask for what came meanwhile.
  const connection = useConnectionState();
  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current !== 'connected' && connection === 'connected') {
      refetch({ requestPolicy: 'network-only' });
      refreshShellData();
    }
    previous.current = connection;
  }, [connection, refetch]);

  const notifications = data?.notifications.edges.map((e) => e.node) ?? [];
  const isUnread = (n: { id: string; readAt?: string | null }) => !n.readAt && !readHere.has(n.id);
  const unreadCount = notifications.filter(isUnread).length;

  const mark = async (ids: string[] | null) => {
    setReadHere((current) => new Set([...current, ...(ids ?? notifications.map((n) => n.id))]));
    const result = await markRead({ ids });
    refreshShellData();
    if (result.error) {
      setReadHere(new Set());
      return;
    }
    refetch({ requestPolicy: 'network-only' });
  };

  const open = (event: MouseEvent<HTMLAnchorElement>, id: string, path: string, unread: boolean) => {
    if (unread) void mark([id]);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    router.history.push(path);
  };

  return (
    <section className="page notifications-page">
      <div className="page-heading">
        <h1>
          <Trans>Notifications</Trans>
        </h1>
        {unreadCount > 0 ? (
          <button type="button" className="button-secondary" onClick={() => void mark(null)}>
            <Trans>Tout marquer comme lu</Trans>
          </button>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      <ErrorMessage error={markState.error} />
      {!data && fetching ? (
        <p className="muted" role="status">
          <Trans>Chargement des notifications…</Trans>
        </p>
      ) : null}
      {data && notifications.length === 0 ? (
        <div className="notice">
          <p>
            <Trans>Aucune notification pour l'instant.</Trans>
          </p>
          <p>
            <Trans>
              Vous serez prévenu ici quand quelqu'un commente vos publications, répond à vos questions ou accepte votre
              demande pour rejoindre un groupe.
            </Trans>
          </p>
        </div>
      ) : null}
      {notifications.length > 0 ? (
        <ul className="notification-list" aria-label={t`Vos notifications`}>
          {notifications.map((n) => {
            const unread = isUnread(n);
            const text = sentence(n);
            const path = notificationPath(n);
            return (
              <li key={n.id} className="notification" data-unread={unread || undefined}>
                <span className="notification-dot" aria-hidden="true" />
                <div className="notification-body">
                  {path ? (
                    <a href={path} className="notification-link" onClick={(e) => open(e, n.id, path, unread)}>
                      {unread ? (
                        <span className="sr-only">
                          <Trans>Non lue :</Trans>{' '}
                        </span>
                      ) : null}
                      {text}
                    </a>
                  ) : (
                    <p className="notification-link">
                      {unread ? (
                        <span className="sr-only">
                          <Trans>Non lue :</Trans>{' '}
                        </span>
                      ) : null}
                      {text}
                    </p>
                  )}
                  <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)} className="notification-time">
                    {formatRelative(n.createdAt)}
                  </time>
                </div>
                {unread ? (
                  <button
                    type="button"
                    className="link-button notification-mark"
                    aria-label={t`Marquer comme lue : ${text}`}
                    onClick={() => void mark([n.id])}
                  >
                    <Trans>Marquer comme lue</Trans>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {data?.notifications.pageInfo.hasNextPage && first < 100 ? (
        <button type="button" className="button-secondary" onClick={() => setFirst(Math.min(100, first + PAGE))}>
          <Trans>Afficher plus de notifications</Trans>
        </button>
      ) : null}
    </section>
  );
}
