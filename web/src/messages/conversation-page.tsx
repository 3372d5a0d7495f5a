import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate, formatDateTime, formatTime } from '../lib/format/dates';
import { realtime } from '../lib/socket/socket';
import { useConnectionState, useSocketEvent } from '../lib/socket/use-socket';
import { conversationName, otherPeople } from './conversation-name';
import { conversationRoute } from './routes';
import { useConversationMessages, type ChatMessage } from './use-conversation-messages';
import './messages.css';

const ConversationHeaderQuery = graphql(`
  query ConversationHeader($id: ID!) {
    me {
      id
    }
    conversation(id: $id) {
      id
      kind
      title
      participants {
        id
        displayName
      }
      readPositions {
        userId
        lastReadSeq
      }
      onlineParticipantIds
    }
  }
`);

/** A typing notice lasts this long unless renewed. */
const TYPING_SHOWN_MS = 5_000;
/** At most one `typing` event per this many milliseconds. */
const TYPING_EVERY_MS = 2_500;

/** /messages/$id: one conversation, live. */
export function ConversationPage() {
  const { id } = conversationRoute.useParams();
  // A new conversation is a new page: its state starts afresh.
  return <Conversation key={id} conversationId={id} />;
}

function Conversation({ conversationId }: { conversationId: string }) {
  const { t } = useLingui();
  const [{ data, error }, refetch] = useQuery({
    query: ConversationHeaderQuery,
    variables: { id: conversationId },
    requestPolicy: 'cache-and-network',
  });
  // Back from a lost connection: who is online and how far others read may have changed unseen.
  const connection = useConnectionState();
  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current === 'reconnecting' && connection === 'connected') refetch({ requestPolicy: 'network-only' });
    previous.current = connection;
  }, [connection, refetch]);
  const conversation = data?.conversation;
  const viewerId = data?.me.id;
  const name = conversation ? conversationName(conversation, viewerId) : '';
  usePageTitle(conversation ? name : t`Conversation`);

  if (error && !conversation) {
    return (
      <section className="page">
        <h1>
          <Trans>Conversation introuvable</Trans>
        </h1>
        <ErrorMessage
          error={error}
          overrides={{
            NOT_FOUND: t`Cette conversation n'existe pas ou vous n'y participez pas. Retrouvez vos conversations dans Messages.`,
          }}
        />
        <p>
          <Link to="/messages">
            <Trans>Retour aux messages</Trans>
          </Link>
        </p>
      </section>
    );
  }
  if (!conversation || !viewerId) {
    return (
      <section className="page">
        <h1>
          <Trans>Conversation</Trans>
        </h1>
        <p className="muted" role="status">
          <Trans>Chargement de la conversation…</Trans>
        </p>
      </section>
    );
  }
  return <ConversationView conversation={conversation} name={name} viewerId={viewerId} />;
}

interface Person {
  id: string;
  displayName: string;
}

interface ViewProps {
  conversation: {
    id: string;
    kind: string;
    participants: Person[];
    readPositions: { userId: string; lastReadSeq: number }[];
    onlineParticipantIds: string[];
  };
  name: string;
  viewerId: string;
}

function ConversationView({ conversation, name, viewerId }: ViewProps) {
  const { t } = useLingui();
  const conversationId = conversation.id;
  const { messages, pending, loaded, hasOlder, loadError, send, retry, loadOlder, reload } =
    useConversationMessages(conversationId);
  const connection = useConnectionState();
  const people = new Map(conversation.participants.map((p) => [p.id, p]));
  const others = otherPeople(conversation.participants, viewerId);
  const isGroup = conversation.kind === 'GROUP';

  // The loading heading this replaced had the focus after the navigation: give it to this one.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      heading.current?.focus({ preventScroll: true });
  }, []);

  // Presence and typing of the others, and how far each has read (a message's seq).
  const [online, setOnline] = useState<Record<string, boolean>>({});
  const onlineAtLoad = conversation.onlineParticipantIds;
  useEffect(() => {
    setOnline(Object.fromEntries(onlineAtLoad.map((id) => [id, true])));
  }, [onlineAtLoad]);
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [readSeq, setReadSeq] = useState<Record<string, number>>({});
  const [readIds, setReadIds] = useState<Record<string, string>>({});
  const readAtLoad = conversation.readPositions;
  useEffect(() => {
    setReadSeq((current) => {
      const next = { ...current };
      for (const p of readAtLoad) next[p.userId] = Math.max(next[p.userId] ?? 0, p.lastReadSeq);
      return next;
    });
  }, [readAtLoad]);

  useSocketEvent('presence', ({ userId, online: isOnline }) => {
    if (people.has(userId)) setOnline((current) => ({ ...current, [userId]: isOnline }));
  });
  useSocketEvent('typing', (payload) => {
    if (payload.conversationId !== conversationId || payload.userId === viewerId) return;
    setTyping((current) => ({ ...current, [payload.userId]: Date.now() + TYPING_SHOWN_MS }));
  });
  useSocketEvent('conversation:read', (payload) => {
    if (payload.conversationId !== conversationId) return;
    const seq = messages.find((m) => m.id === payload.messageId)?.seq;
    if (seq !== undefined)
      setReadSeq((current) => ({ ...current, [payload.userId]: Math.max(current[payload.userId] ?? 0, seq) }));
    // A message this page does not hold yet (its own send still unacknowledged): placed once it arrives.
    else setReadIds((current) => ({ ...current, [payload.userId]: payload.messageId }));
  });
  // A message from someone ends their typing notice.
  const lastMessage = messages[messages.length - 1];
  useEffect(() => {
    if (lastMessage?.senderId)
      setTyping((current) => {
        if (!lastMessage.senderId || !(lastMessage.senderId in current)) return current;
        const rest = { ...current };
        delete rest[lastMessage.senderId];
        return rest;
      });
  }, [lastMessage]);
  // Typing notices fade out.
  useEffect(() => {
    const ends = Object.values(typing);
    if (!ends.length) return;
    const timer = setTimeout(
      () => setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, end]) => end > Date.now()))),
      Math.max(0, Math.min(...ends) - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [typing]);

  // Mark read what is on screen, while the page is visible and the connection is up.
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  const markedSeq = useRef(0);
  useEffect(() => {
    if (!lastMessage || !visible || connection !== 'connected' || lastMessage.seq <= markedSeq.current) return;
    markedSeq.current = lastMessage.seq;
    realtime().socket.emit('conversation:read', { conversationId, messageId: lastMessage.id }, (reply) => {
      if (!reply.ok) markedSeq.current = 0;
    });
  }, [lastMessage, visible, connection, conversationId]);

  // Scrolling: to the end at first and when a message arrives while near the end (or is one's own);
  // kept in place when older messages are put above.
  const nearEnd = useRef(true);
  const olderAnchor = useRef<number | null>(null);
  useEffect(() => {
    const onScroll = () => {
      const root = document.documentElement;
      nearEnd.current = root.scrollHeight - (window.scrollY + window.innerHeight) < 160;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  const firstSeq = messages[0]?.seq;
  const pendingState = pending.map((p) => p.status).join();
  useLayoutEffect(() => {
    if (olderAnchor.current !== null) {
      window.scrollTo({ top: document.documentElement.scrollHeight - olderAnchor.current });
      olderAnchor.current = null;
      return;
    }
    // The very end of the page: the composer (sticky) then sits below the last message, not over it.
    if (nearEnd.current) window.scrollTo({ top: document.documentElement.scrollHeight });
  }, [messages.length, pendingState, firstSeq, loaded]);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const onOlder = async () => {
    if (loadingOlder) return;
    setLoadingOlder(true);
    olderAnchor.current = document.documentElement.scrollHeight - window.scrollY;
    const added = await loadOlder();
    setLoadingOlder(false);
    // Nothing new came (an error): the next arrival scrolls as usual.
    if (!added) olderAnchor.current = null;
  };

  // The composer: Enter sends, Shift+Enter makes a new line; typing is announced now and then.
  const field = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const onInput = () => {
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS || !realtime().socket.connected) return;
    lastTyping.current = now;
    realtime().socket.emit('typing', { conversationId });
  };
  const submit = useCallback(() => {
    const input = field.current;
    if (!input) return;
    const body = input.value.trim();
    if (!body) return;
    input.value = '';
    lastTyping.current = 0;
    nearEnd.current = true;
    void send(body);
  }, [send]);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  // "Vu": under the viewer's last message the other person has read; in a group, who has read the
  // viewer's last message.
  const ownMessages = messages.filter((m) => m.senderId === viewerId);
  const readUpTo = (userId: string) => {
    const pendingId = readIds[userId];
    const pendingSeq = pendingId ? (messages.find((m) => m.id === pendingId)?.seq ?? 0) : 0;
    return Math.max(readSeq[userId] ?? 0, pendingSeq);
  };
  let seen: { id: string; label: string } | undefined;
  if (isGroup) {
    const lastOwn = ownMessages[ownMessages.length - 1];
    const readers = lastOwn ? others.filter((p) => readUpTo(p.id) >= lastOwn.seq) : [];
    if (lastOwn && readers.length)
      seen = { id: lastOwn.id, label: t`Vu par ${readers.map((p) => p.displayName).join(', ')}` };
  } else if (others[0]) {
    const upTo = readUpTo(others[0].id);
    const lastSeen = [...ownMessages].reverse().find((m) => m.seq <= upTo);
    if (lastSeen) seen = { id: lastSeen.id, label: t`Vu` };
  }
  const typers = Object.keys(typing)
    .map((userId) => people.get(userId)?.displayName)
    .filter((n): n is string => Boolean(n));

  return (
    <section className="conversation-page">
      <header className="conversation-header">
        <Link to="/messages" className="icon-button back-link" aria-label={t`Retour aux conversations`}>
          <span aria-hidden="true">←</span>
        </Link>
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {name}
          </h1>
          <p className="conversation-people">
            {isGroup ? (
              <span>
                {conversation.participants.map((p) => (p.id === viewerId ? t`vous` : p.displayName)).join(', ')}
              </span>
            ) : null}
            {others
              .filter((p) => online[p.id])
              .map((p) => (
                <span key={p.id} className="presence">
                  <span className="presence-dot" aria-hidden="true" />
                  {isGroup ? <Trans>{p.displayName} est en ligne</Trans> : <Trans>en ligne</Trans>}
                </span>
              ))}
          </p>
        </div>
      </header>

      <ErrorMessage error={loadError} />
      {loadError && !loaded ? (
        <button type="button" className="button-secondary" onClick={() => void reload()}>
          <Trans>Réessayer le chargement</Trans>
        </button>
      ) : null}

      {hasOlder ? (
        <div className="older">
          <button type="button" className="button-secondary" onClick={() => void onOlder()}>
            {loadingOlder ? <Trans>Chargement…</Trans> : <Trans>Messages précédents</Trans>}
          </button>
        </div>
      ) : null}

      {!loaded && !loadError ? (
        <p className="muted" role="status">
          <Trans>Chargement des messages…</Trans>
        </p>
      ) : null}
      {loaded && messages.length === 0 && pending.length === 0 ? (
        <p className="notice">
          <Trans>Aucun message pour l'instant. Écrivez le premier ci-dessous.</Trans>
        </p>
      ) : null}

      <ol className="message-list" aria-label={t`Fil de la conversation`}>
        {messages.map((message, index) => (
          <MessageItem
            key={message.id}
            message={message}
            previous={messages[index - 1]}
            own={message.senderId === viewerId}
            senderName={
              message.senderId ? (people.get(message.senderId)?.displayName ?? t`Ancien membre`) : t`Ancien membre`
            }
            showSender={isGroup}
            seen={seen?.id === message.id ? seen.label : undefined}
          />
        ))}
        {pending.map((p) => (
          <li key={p.clientId} className="message own" data-status={p.status}>
            <p className="bubble">{p.body}</p>
            {p.status === 'sending' ? (
              <p className="message-meta">
                <Trans>envoi…</Trans>
              </p>
            ) : (
              <div className="message-failed">
                <p className="message-meta failed">
                  <Trans>Échec de l'envoi</Trans>
                </p>
                <ErrorMessage
                  error={p.error}
                  fieldLabels={{ body: t`Message` }}
                  overrides={{
                    NETWORK: t`Le message n'est pas parti : la connexion est coupée. Réessayez quand elle revient.`,
                  }}
                />
                <button type="button" className="button-secondary" onClick={() => retry(p.clientId)}>
                  <Trans>Réessayer</Trans>
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>

      <div className="composer-wrap">
        <p className="typing" role="status">
          {typers.length === 1 ? <Trans>{typers[0]} écrit…</Trans> : null}
          {typers.length > 1 ? <Trans>{typers.join(', ')} écrivent…</Trans> : null}
        </p>
        {connection === 'reconnecting' ? (
          <p className="composer-offline">
            <Trans>
              Connexion perdue : attendez son retour pour envoyer. Les messages reçus entre-temps s'afficheront.
            </Trans>
          </p>
        ) : null}
        <form
          className="composer"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label htmlFor="message-body" className="sr-only">
            <Trans>Message</Trans>
          </label>
          <textarea
            id="message-body"
            ref={field}
            name="body"
            rows={1}
            maxLength={4000}
            placeholder={t`Écrire un message…`}
            aria-describedby="message-hint"
            onInput={onInput}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="button-primary">
            <Trans>Envoyer</Trans>
          </button>
          <p id="message-hint" className="sr-only">
            <Trans>Entrée envoie le message, Maj+Entrée ajoute une ligne.</Trans>
          </p>
        </form>
      </div>
    </section>
  );
}

interface ItemProps {
  message: ChatMessage;
  previous: ChatMessage | undefined;
  own: boolean;
  senderName: string;
  showSender: boolean;
  seen: string | undefined;
}

function MessageItem({ message, previous, own, senderName, showSender, seen }: ItemProps) {
  const day = formatDate(message.createdAt);
  const newDay = !previous || formatDate(previous.createdAt) !== day;
  const sameSender = previous && !newDay && previous.senderId === message.senderId;
  return (
    <>
      {newDay ? (
        <li className="day-separator" aria-hidden="true">
          {day}
        </li>
      ) : null}
      <li className={own ? 'message own' : 'message'}>
        {own ? (
          <span className="sr-only">
            <Trans>Vous :</Trans>
          </span>
        ) : showSender && !sameSender ? (
          <p className="message-sender">{senderName}</p>
        ) : (
          <span className="sr-only">{senderName} :</span>
        )}
        <p className="bubble">{message.body}</p>
        <p className="message-meta">
          <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
            {formatTime(message.createdAt)}
          </time>
          {seen ? (
            <>
              <span aria-hidden="true"> · </span>
              <span className="seen">{seen}</span>
            </>
          ) : null}
        </p>
      </li>
    </>
  );
}
