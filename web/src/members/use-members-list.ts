import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { MemberFilter, MembersListQuery as MembersListResult } from '../gql/graphql';
import { filterKey } from './member-filter';
import { MembersListQuery } from './members-api';

export type MemberRow = MembersListResult['members']['edges'][number]['node'];

const PAGE_SIZE = 25;

interface ListState {
  rows: MemberRow[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  error: unknown;
}

const INITIAL: ListState = {
  rows: [],
  totalCount: null,
  endCursor: null,
  hasNextPage: false,
  loading: true,
  error: null,
};

/**
 * The members matching `filter`, page after page (keyset: "Voir plus" asks for the page after the
 * last cursor). A new filter starts again from the first page; an answer to an older filter is dropped.
 */
export function useMembersList(organizationId: string, filter: MemberFilter) {
  const client = useClient();
  const [state, setState] = useState<ListState>(INITIAL);
  const generation = useRef(0);
  const key = filterKey(filter);

  const load = useCallback(
    async (after: string | null) => {
      const mine = generation.current;
      setState((current) => ({ ...current, loading: true, error: null }));
      const result = await client
        .query(
          MembersListQuery,
          { organizationId, filter: JSON.parse(key) as MemberFilter, first: PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      if (mine !== generation.current) return;
      const page = result.data?.members;
      if (result.error || !page) {
        setState((current) => ({ ...current, loading: false, error: result.error ?? new Error('no data') }));
        return;
      }
      setState((current) => ({
        rows: after ? [...current.rows, ...page.edges.map((edge) => edge.node)] : page.edges.map((edge) => edge.node),
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
        loading: false,
        error: null,
      }));
    },
    [client, key, organizationId],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    void load(null);
  }, [load]);

  useEffect(() => {
    reload();
  }, [reload]);

  const more = useCallback(() => {
    if (state.endCursor) void load(state.endCursor);
  }, [load, state.endCursor]);

  /** Replaces one row in place (after editing it), without reloading the list. */
  const patch = useCallback((userId: string, organizationId: string, change: Partial<MemberRow>) => {
    setState((current) => ({
      ...current,
      rows: current.rows.map((row) =>
        row.user.id === userId && row.organization.id === organizationId ? { ...row, ...change } : row,
      ),
    }));
  }, []);

  return { ...state, more, reload, patch };
}
