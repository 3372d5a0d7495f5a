import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { initialsOf, organizationRoleLabels } from './person-labels';

const PAGE_SIZE = 20;

const PeopleDirectoryQuery = graphql(`
  query PeopleDirectory($search: String, $organizationId: ID, $after: String, $first: Int!) {
    people(search: $search, organizationId: $organizationId, after: $after, first: $first) {
      edges {
        node {
          id
          displayName
          jobTitle
          memberships {
            role
            organization {
              id
              name
            }
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

interface Props {
  search: string;
  organizationId: string | null;
  after: string | null;
  /** The first page: it says when nobody matches. */
  first: boolean;
  /** The last page shown: it carries the "Afficher plus" button. */
  last: boolean;
  onMore: (cursor: string) => void;
  /** A page asked for with "Afficher plus": the focus moves to its first person (the button is gone). */
  focusOnLoad: boolean;
}

/** Shown in place of a page that failed (the pages above stay). */
function DirectoryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <li className="directory-status">
      <ErrorMessage error={error} />
      <button type="button" className="button-secondary" onClick={onRetry}>
        <Trans>Réessayer</Trans>
      </button>
    </li>
  );
}

/** One page of the directory, as list items of the parent list. */
export function DirectoryChunk({ search, organizationId, after, first, last, onMore, focusOnLoad }: Props) {
  const { i18n } = useLingui();
  const [{ data, fetching, error }, retry] = useQuery({
    query: PeopleDirectoryQuery,
    variables: { search: search || null, organizationId, after, first: PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const firstLink = useRef<HTMLAnchorElement>(null);
  const loaded = data !== undefined;
  useEffect(() => {
    if (focusOnLoad && loaded) firstLink.current?.focus();
  }, [focusOnLoad, loaded]);

  if (error && !data) return <DirectoryError error={error} onRetry={() => retry({ requestPolicy: 'network-only' })} />;
  if (!data)
    return (
      <li className="directory-status" aria-busy="true">
        <p role="status">
          <Trans>Chargement de l'annuaire…</Trans>
        </p>
      </li>
    );

  const { edges, pageInfo } = data.people;
  return (
    <>
      {first && edges.length === 0 ? (
        <li className="directory-status">
          <p className="notice">
            {search ? (
              <Trans>
                Personne ne correspond à «&nbsp;{search}&nbsp;». Essayez un autre nom ou une autre compétence.
              </Trans>
            ) : organizationId ? (
              <Trans>Personne de cette organisation ne figure dans l'annuaire.</Trans>
            ) : (
              <Trans>Personne ne figure encore dans l'annuaire.</Trans>
            )}
          </p>
        </li>
      ) : null}
      {edges.map(({ node }, index) => (
        <li key={node.id} className="person-card">
          <span className="person-initials" aria-hidden="true">
            {initialsOf(node.displayName)}
          </span>
          <div className="person-card-body">
            <Link
              to="/personnes/$id"
              params={{ id: node.id }}
              className="person-card-name"
              ref={index === 0 ? firstLink : undefined}
            >
              {node.displayName}
            </Link>
            {node.jobTitle ? <p className="person-card-job">{node.jobTitle}</p> : null}
            {node.memberships.length ? (
              <p className="person-card-orgs">
                {node.memberships
                  .map((m) => `${m.organization.name} (${i18n._(organizationRoleLabels[m.role] ?? m.role)})`)
                  .join(' · ')}
              </p>
            ) : null}
          </div>
        </li>
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <li className="directory-more">
          <button
            type="button"
            className="button-secondary"
            aria-busy={fetching}
            onClick={() => pageInfo.endCursor && onMore(pageInfo.endCursor)}
          >
            <Trans>Afficher plus de personnes</Trans>
          </button>
        </li>
      ) : null}
    </>
  );
}
