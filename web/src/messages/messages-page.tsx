import { Trans, useLingui } from '@lingui/react/macro';
import { plural } from '@lingui/core/macro';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime, formatRelative } from '../lib/format/dates';
import { useConnectionState, useSocketEvent } from '../lib/socket/use-socket';
import { conversationName } from './conversation-name';
import { NewConversationDialog } from './new-conversation-dialog';
import './messages.css';

const PAGE = 30;

const MessagesListQuery = graphql(`
  query MessagesList($first: Int!) {
    me {
      id
    }
    conversations(first: $first) {
      edges {
        node {
          id
          kind
          title
          updatedAt
          unreadCount
          participants {
            id
            displayName
          }
          lastMessage {
            id
            body
            createdAt
            sender {
              id
              displayName
            }
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** /messages: the viewer's conversations, most recently active first, kept current by the socket. */
export function MessagesPage() {
  const { t } = useLingui();
  usePageTitle(t`Messages`);
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MessagesListQuery,
    variables: { first },
    requestPolicy: 'cache-and-network',
  });
  const dialog = useRef<HTMLDialogElement>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);

  // A message anywhere moves its conversation up and changes its count: ask again.
  useSocketEvent('message:new', () => refetch({ requestPolicy: 'network-only' }));
  // Once (re)connected: what arrived before live delivery reached this page.
  const connection = useConnectionState();
  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current !== 'connected' && connection === 'connected') refetch({ requestPolicy: 'network-only' });
    previous.current = connection;
  }, [connection, refetch]);

  const viewerId = data?.me.id;
  const conversations = data?.conversations.edges.map((e) => e.node) ?? [];

  const openDialog = () => {
    setDialogOpen(true);
  };
  const closeDialog = () => {
    setDialogOpen(false);
    newButton.current?.focus();
  };
  useEffect(() => {
    if (dialogOpen && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [dialogOpen]);

  return (
    <section className="page messages-page">
      <div className="page-heading">
        <h1>
          <Trans>Messages</Trans>
        </h1>
        <button ref={newButton} type="button" className="button-primary" onClick={openDialog} aria-haspopup="dialog">
          <Trans>Nouvelle conversation</Trans>
        </button>
      </div>
      {dialogOpen ? <NewConversationDialog ref={dialog} viewerId={viewerId} onClose={closeDialog} /> : null}
      <ErrorMessage error={error} />
      {!data && fetching ? (
        <p className="muted" role="status">
          <Trans>Chargement des conversations…</Trans>
        </p>
      ) : null}
      {data && conversations.length === 0 ? (
        <div className="notice">
          <p>
            <Trans>Aucune conversation pour l'instant.</Trans>
          </p>
          <p>
            <Trans>Écrivez à un membre du réseau avec « Nouvelle conversation ».</Trans>
          </p>
        </div>
      ) : null}
      {conversations.length > 0 ? (
        <ul className="conversation-list" aria-label={t`Conversations`}>
          {conversations.map((c) => {
            const last = c.lastMessage;
            const mine = last?.sender?.id !== undefined && last.sender.id === viewerId;
            const when = last?.createdAt ?? c.updatedAt;
            const unread = c.unreadCount;
            return (
              <li key={c.id}>
                <Link
                  to="/messages/$id"
                  params={{ id: c.id }}
                  className="conversation-item"
                  data-unread={unread > 0 || undefined}
                >
                  <span className="conversation-top">
                    <span className="conversation-name">{conversationName(c, viewerId)}</span>
                    <time dateTime={when} title={formatDateTime(when)} className="conversation-time">
                      {formatRelative(when)}
                    </time>
                  </span>
                  <span className="conversation-bottom">
                    <span className="conversation-excerpt">
                      {last ? (
                        mine ? (
                          <Trans>Vous : {last.body}</Trans>
                        ) : c.kind === 'GROUP' && last.sender ? (
                          `${last.sender.displayName} : ${last.body}`
                        ) : (
                          last.body
                        )
                      ) : (
                        <Trans>Pas encore de message</Trans>
                      )}
                    </span>
                    {unread > 0 ? (
                      <>
                        <span className="unread-badge">{unread}</span>
                        <span className="sr-only">
                          {plural(unread, { one: 'message non lu', other: 'messages non lus' })}
                        </span>
                      </>
                    ) : null}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
      {data?.conversations.pageInfo.hasNextPage && first < 100 ? (
        <button type="button" className="button-secondary" onClick={() => setFirst(Math.min(100, first + PAGE))}>
          <Trans>Afficher plus de conversations</Trans>
        </button>
      ) : null}
    </section>
  );
}
