import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { groupDocumentsRoute } from '../groups/routes';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { formatSize } from './format-size';
import './files.css';

const GroupDocumentsQuery = graphql(`
  query GroupDocuments($groupId: ID!, $search: String, $after: String) {
    group(id: $groupId) {
      id
      documents(search: $search, first: 30, after: $after) {
        edges {
          node {
            id
            name
            mimeType
            size
            url
            createdAt
            uploadedBy {
              id
              displayName
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The group's documents: every file of its posts, newest first, searchable by name. */
export function GroupDocumentsTab() {
  const { t } = useLingui();
  const { id: groupId } = groupDocumentsRoute.useParams();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery({
    query: GroupDocumentsQuery,
    variables: { groupId, search: search.trim() || null, after },
    requestPolicy: 'cache-and-network',
  });
  const documents = result.data?.group?.documents;

  return (
    <section className="group-documents" aria-labelledby="group-documents-title">
      <h2 id="group-documents-title">
        <Trans>Documents</Trans>
      </h2>
      <form className="documents-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor={searchId}>
            <Trans>Rechercher un document</Trans>
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setAfter(null);
            }}
          />
        </div>
      </form>
      <ErrorMessage error={result.error} />
      {documents ? (
        documents.edges.length ? (
          <ul className="documents-list" aria-label={t`Documents du groupe`}>
            {documents.edges.map(({ node }) => (
              <li key={node.id}>
                <a href={node.url} download={node.name}>
                  {node.name}
                </a>
                <br />
                <span className="muted">
                  {formatSize(node.size)} · {node.uploadedBy?.displayName ?? t`Ancien membre`} ·{' '}
                  <time dateTime={String(node.createdAt)}>{formatDate(String(node.createdAt))}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            {search.trim() ? (
              <Trans>Aucun document ne correspond à cette recherche.</Trans>
            ) : (
              <Trans>
                Aucun document pour l'instant : les fichiers joints aux publications du groupe apparaîtront ici.
              </Trans>
            )}
          </p>
        )
      ) : null}
      {documents?.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="button-secondary"
          onClick={() => setAfter(documents.pageInfo.endCursor ?? null)}
        >
          <Trans>Documents suivants</Trans>
        </button>
      ) : null}
    </section>
  );
}
