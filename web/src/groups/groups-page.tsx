import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { GroupsListQuery } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { CreateGroupDialog } from './create-group-dialog';
import { JoinButton, VisibilityBadge } from './join-button';
import './groups.css';

const GroupsListQueryDoc = graphql(`
  query GroupsList($search: String, $memberOf: Boolean!, $after: String) {
    groups(search: $search, memberOf: $memberOf, first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          description
          visibility
          memberCount
          viewerRole
          viewerHasPendingRequest
          organization {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const GroupsViewerQuery = graphql(`
  query GroupsViewer {
    me {
      id
      memberships {
        organization {
          id
          name
        }
      }
    }
  }
`);

const listContext = { additionalTypenames: ['Group'] };
/**
 * The name filter, kept for the session: back from a group, the list is as it was. (Not in the
 * address: each change of address moves the focus to the page's title, away from the field.)
 */
let lastFilter = '';

/** The text typed, once the person pauses (300 ms): one request per pause, not per key. */
function useDebounced(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export function GroupsPage() {
  const { t } = useLingui();
  usePageTitle(t`Groupes`);
  const searchId = useId();
  const [typed, setTyped] = useState(lastFilter);
  const search = useDebounced(typed.trim());
  useEffect(() => {
    lastFilter = search;
  }, [search]);
  const [{ data: viewer }] = useQuery({ query: GroupsViewerQuery });
  const organizations = viewer?.me.memberships.map((m) => m.organization) ?? [];
  const [announcement, setAnnouncement] = useState('');

  return (
    <section className="page groups-page" aria-labelledby="groups-title">
      <div className="groups-heading">
        <h1 id="groups-title">
          <Trans>Groupes</Trans>
        </h1>
        {organizations.length > 0 ? <CreateGroupDialog organizations={organizations} /> : null}
      </div>
      <div className="field groups-filter">
        <label htmlFor={searchId}>
          <Trans>Filtrer les groupes par nom</Trans>
        </label>
        <input
          id={searchId}
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          enterKeyHint="search"
        />
      </div>
      <p role="status" className="group-done">
        {announcement}
      </p>
      <GroupList memberOf title={t`Mes groupes`} search={search} onJoined={setAnnouncement} />
      <GroupList memberOf={false} title={t`Autres groupes`} search={search} onJoined={setAnnouncement} />
    </section>
  );
}

interface GroupListProps {
  memberOf: boolean;
  title: string;
  search: string;
  onJoined: (message: string) => void;
}

function GroupList({ memberOf, title, search, onJoined }: GroupListProps) {
  const headingId = useId();
  // Pages after the first, by the cursor they start after (a new search starts again from the first).
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => setCursors([]), [search]);
  const [{ data, fetching, error }] = useQuery({
    query: GroupsListQueryDoc,
    variables: { search: search || null, memberOf, after: null },
    // An empty list holds no Group for urql to notice: joining one must still refresh it.
    context: listContext,
  });
  const groups = data?.groups;
  const variables = { search: search || null, memberOf };
  return (
    <section className="group-list-section" aria-labelledby={headingId} aria-busy={fetching}>
      <h2 id={headingId}>
        {title}
        {groups ? <span className="group-list-count"> ({groups.totalCount})</span> : null}
      </h2>
      <ErrorMessage error={error} />
      {!groups && fetching ? (
        <p className="groups-loading">
          <Trans>Chargement des groupes…</Trans>
        </p>
      ) : null}
      {groups && groups.edges.length === 0 ? (
        <p className="notice">
          {search ? (
            <Trans>Aucun groupe ne correspond à « {search} ». Essayez un autre mot.</Trans>
          ) : memberOf ? (
            <Trans>Vous ne faites partie d'aucun groupe pour l'instant. Rejoignez-en un ci-dessous.</Trans>
          ) : (
            <Trans>Aucun autre groupe pour l'instant.</Trans>
          )}
        </p>
      ) : null}
      {groups && groups.edges.length > 0 ? (
        <ul className="group-list">
          {groups.edges.map(({ node }) => (
            <GroupCard key={node.id} group={node} onJoined={onJoined} />
          ))}
          {cursors.map((after) => (
            <GroupsPageAfter key={after} variables={{ ...variables, after }} onJoined={onJoined} />
          ))}
        </ul>
      ) : null}
      {groups ? (
        <MoreGroups
          variables={{ ...variables, after: cursors.length ? cursors[cursors.length - 1] : null }}
          first={groups}
          onMore={(cursor) => setCursors((list) => [...list, cursor])}
        />
      ) : null}
    </section>
  );
}

interface PageVariables {
  search: string | null;
  memberOf: boolean;
  after: string | null;
}

function GroupsPageAfter({ variables, onJoined }: { variables: PageVariables; onJoined: (message: string) => void }) {
  const [{ data }] = useQuery({ query: GroupsListQueryDoc, variables, context: listContext });
  return data?.groups.edges.map(({ node }) => <GroupCard key={node.id} group={node} onJoined={onJoined} />) ?? null;
}

/** "Afficher plus de groupes" while the last page loaded says there are more. */
function MoreGroups({
  variables,
  first,
  onMore,
}: {
  variables: PageVariables;
  first: { pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
  onMore: (cursor: string) => void;
}) {
  const [{ data }] = useQuery({
    query: GroupsListQueryDoc,
    variables,
    context: listContext,
    pause: variables.after === null,
  });
  const last = variables.after === null ? first : data?.groups;
  if (!last?.pageInfo.hasNextPage || !last.pageInfo.endCursor) return null;
  const cursor = last.pageInfo.endCursor;
  return (
    <button type="button" className="button-secondary" onClick={() => onMore(cursor)}>
      <Trans>Afficher plus de groupes</Trans>
    </button>
  );
}

type GroupNode = GroupsListQuery['groups']['edges'][number]['node'];

function GroupCard({ group, onJoined }: { group: GroupNode; onJoined: (message: string) => void }) {
  const members = plural(group.memberCount, { one: '# membre', other: '# membres' });
  return (
    <li className="group-card">
      <div className="group-card-body">
        <h3 className="group-card-title">
          <Link to="/groupes/$id" params={{ id: group.id }}>
            {group.name}
          </Link>
        </h3>
        <p className="group-meta">
          <VisibilityBadge visibility={group.visibility} />
          <span>{members}</span>
          <span>{group.organization.name}</span>
        </p>
        {group.description ? <p className="group-card-description">{group.description}</p> : null}
      </div>
      <JoinButton group={group} onJoined={onJoined} />
    </li>
  );
}
