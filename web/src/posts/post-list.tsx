import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../lib/errors/error-message';
import { useConnectionState, useSocketEvent } from '../lib/socket/use-socket';
import { PostCard, type PostCardPost } from './post-card';
import type { PostPages } from './use-post-pages';

interface Props {
  pages: PostPages;
  /** What to show when there is no post at all. */
  empty: ReactNode;
  /** Which live `post:new` events concern this list (all of them for the feed, one group's for a group). */
  accepts: (event: { postId: string; groupId: string }) => boolean;
  hideGroup?: boolean;
  /** More buttons on each card (see PostCard's `actions`). */
  actions?: (post: PostCardPost) => ReactNode;
}

/**
 * Posts newest first, shared by the feed and a group's page: a pill "N nouvelles publications" when
 * posts arrive while reading (Socket.io `post:new`), infinite scroll (a sentinel watched by an
 * IntersectionObserver) with a real "Voir plus" button for keyboards, loading, empty and error states.
 */
export function PostList({ pages, empty, accepts, hideGroup, actions }: Props) {
  const { t } = useLingui();
  const [incoming, setIncoming] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const sentinel = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { loadMore, hasNextPage, loadingMore, loading } = pages;

  const announce = (postIds: string[]) =>
    setIncoming((previous) => [...previous, ...postIds.filter((id) => !previous.includes(id))]);

  useSocketEvent('post:new', (event) => {
    if (accepts(event) && !pages.has(event.postId)) announce([event.postId]);
  });

  // Events sent while there was no connection (lost, or not yet open when the list loaded) are gone:
  // once it is up, ask what is new since.
  const connection = useConnectionState();
  const wasConnected = useRef(connection === 'connected');
  const latest = useRef({ newestUnknown: pages.newestUnknown, loading, accepts });
  latest.current = { newestUnknown: pages.newestUnknown, loading, accepts };
  useEffect(() => {
    if (connection !== 'connected') {
      wasConnected.current = false;
      return;
    }
    if (wasConnected.current) return;
    wasConnected.current = true;
    // Still loading: that first page will hold them.
    if (latest.current.loading) return;
    void latest.current
      .newestUnknown()
      .then((missed) =>
        announce(
          missed
            .filter((post) => latest.current.accepts({ postId: post.id, groupId: post.group.id }))
            .map((post) => post.id),
        ),
      );
    // The effect follows the connection only; everything else is read from `latest`.
  }, [connection]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, loadMore, loadingMore]);

  const showIncoming = async () => {
    await pages.showNewest();
    setIncoming([]);
    // The reader asked for them: take them to the top, where the new posts are.
    listRef.current?.focus();
    listRef.current?.scrollIntoView({ block: 'start' });
  };

  // A post announced while the list was loading may already be in it.
  const count = incoming.filter((id) => !pages.has(id)).length;
  return (
    <div className="post-list-area">
      <div className="new-posts" aria-live="polite">
        {count > 0 ? (
          <button type="button" className="new-posts-pill" onClick={() => void showIncoming()}>
            {plural(count, { one: '# nouvelle publication', other: '# nouvelles publications' })}
          </button>
        ) : null}
      </div>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {loading ? (
        <p className="muted" role="status">
          <Trans>Chargement des publications…</Trans>
        </p>
      ) : null}
      {pages.error ? (
        <div className="post-list-error">
          <ErrorMessage error={pages.error} />
          {pages.posts.length === 0 ? (
            <button type="button" className="button-secondary" onClick={pages.reload}>
              <Trans>Réessayer</Trans>
            </button>
          ) : null}
        </div>
      ) : null}
      {!loading && !pages.error && pages.posts.length === 0 ? empty : null}
      <div ref={listRef} tabIndex={-1} className="post-list">
        {pages.posts.map((post) => (
          <PostCard
            key={post.id}
            post={post}
            hideGroup={hideGroup}
            actions={actions?.(post)}
            onChange={(change) => pages.update(post.id, change)}
            onDeleted={(postId) => {
              pages.remove(postId);
              setAnnouncement(t`Publication supprimée.`);
            }}
          />
        ))}
      </div>
      {hasNextPage ? (
        <div ref={sentinel} className="post-list-more">
          <button type="button" className="button-secondary" onClick={loadMore}>
            {loadingMore ? <Trans>Chargement…</Trans> : <Trans>Voir plus</Trans>}
          </button>
        </div>
      ) : null}
    </div>
  );
}
