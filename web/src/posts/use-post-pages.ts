import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostCardPost } from './post-card';

export interface PostPage {
  posts: PostCardPost[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Loads one page of posts after a cursor (null: the newest); throws what the request failed with. */
export type PageLoader = (after: string | null) => Promise<PostPage>;

export interface PostPages {
  posts: PostCardPost[];
  /** The first page is on its way (nothing to show yet). */
  loading: boolean;
  loadingMore: boolean;
  hasNextPage: boolean;
  /** What the last load failed with (shown with a retry). */
  error: unknown;
  loadMore: () => void;
  /** Loads the newest page again and puts the posts not shown yet on top (the "nouvelles publications" pill). */
  showNewest: () => Promise<void>;
  /** Starts again from the newest page (after a failed first load). */
  reload: () => void;
  prepend: (post: PostCardPost) => void;
  update: (postId: string, change: (post: PostCardPost) => PostCardPost) => void;
  remove: (postId: string) => void;
  has: (postId: string) => boolean;
  /** The newest page's posts that the list does not show (after a lost connection: what was missed). */
  newestUnknown: () => Promise<PostCardPost[]>;
}

function withoutDuplicates(posts: PostCardPost[]): PostCardPost[] {
  const seen = new Set<string>();
  return posts.filter((post) => (seen.has(post.id) ? false : (seen.add(post.id), true)));
}

/**
 * A list of posts loaded page by page (keyset cursors), kept in one array so that a card's change
 * (a reaction, an edit, a deletion) and new posts on top never make a post appear twice or vanish.
 */
export function usePostPages(load: PageLoader): PostPages {
  const [posts, setPosts] = useState<PostCardPost[]>([]);
  const [cursor, setCursor] = useState<{ hasNextPage: boolean; endCursor: string | null }>({
    hasNextPage: false,
    endCursor: null,
  });
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const ids = useRef(new Set<string>());
  ids.current = new Set(posts.map((post) => post.id));

  const first = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await load(null);
      setPosts(withoutDuplicates(page.posts));
      setCursor(page);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void first();
  }, [first]);

  const loadMore = useCallback(() => {
    if (busy.current || !cursor.hasNextPage) return;
    busy.current = true;
    setLoadingMore(true);
    setError(null);
    load(cursor.endCursor)
      .then((page) => {
        setPosts((previous) => withoutDuplicates([...previous, ...page.posts]));
        setCursor(page);
      })
      .catch((caught: unknown) => setError(caught))
      .finally(() => {
        busy.current = false;
        setLoadingMore(false);
      });
  }, [cursor, load]);

  const showNewest = useCallback(async () => {
    try {
      const page = await load(null);
      setPosts((previous) => {
        const known = new Set(previous.map((post) => post.id));
        // More new posts than a page holds: the newest page replaces the list (no gap in between).
        if (!page.posts.some((post) => known.has(post.id))) {
          setCursor(page);
          return withoutDuplicates(page.posts);
        }
        return withoutDuplicates([...page.posts.filter((post) => !known.has(post.id)), ...previous]);
      });
    } catch (caught) {
      setError(caught);
    }
  }, [load]);

  return {
    posts,
    loading,
    loadingMore,
    hasNextPage: cursor.hasNextPage,
    error,
    loadMore,
    showNewest,
    reload: () => void first(),
    prepend: (post) => setPosts((previous) => withoutDuplicates([post, ...previous])),
    update: (postId, change) =>
      setPosts((previous) => previous.map((post) => (post.id === postId ? change(post) : post))),
    remove: (postId) => setPosts((previous) => previous.filter((post) => post.id !== postId)),
    has: (postId) => ids.current.has(postId),
    newestUnknown: async () => {
      try {
        return (await load(null)).posts.filter((post) => !ids.current.has(post.id));
      } catch {
        // Only a hint: the next "Voir plus" or reload shows the truth.
        return [];
      }
    },
  };
}
