import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';

const AdminOrganizationGroupsQuery = graphql(`
  query AdminOrganizationGroups($organizationId: ID!) {
    groups(organizationId: $organizationId, first: 100) {
      edges {
        node {
          id
          name
          visibility
          memberCount
        }
      }
    }
  }
`);

/**
 * The groups an organisation owns, each with the way to its settings (visibility, with what a change
 * means for followers) and to its members and roles (owners, moderators): those screens live with the
 * group, where its managers work, so this section leads there rather than copying them.
 */
export function GroupsSection({ organizationId }: { organizationId: string }) {
  const { t } = useLingui();
  const [{ data, fetching, error }] = useQuery({
    query: AdminOrganizationGroupsQuery,
    variables: { organizationId },
    requestPolicy: 'cache-and-network',
  });
  const groups = data?.groups.edges.map((edge) => edge.node) ?? [];

  return (
    <section className="admin-section" aria-labelledby="admin-groups-title">
      <h2 id="admin-groups-title">
        <Trans>Groupes de l'organisation</Trans>
      </h2>
      <ErrorMessage error={error} />
      {!data && fetching ? (
        <p>
          <Trans>Chargement des groupes…</Trans>
        </p>
      ) : null}
      {data && groups.length === 0 ? (
        <p>
          <Trans>Cette organisation n'a pas encore de groupe.</Trans>
        </p>
      ) : null}
      {groups.length > 0 ? (
        <ul className="admin-list" aria-label={t`Groupes de l'organisation`}>
          {groups.map((group) => (
            <li key={group.id} className="admin-row">
              <div className="admin-row-main">
                <Link to="/groupes/$id" params={{ id: group.id }} className="admin-row-title">
                  {group.name}
                </Link>
                <span className="admin-row-meta">
                  {group.visibility === 'PRIVATE' ? t`Privé` : t`Public`} ·{' '}
                  {plural(group.memberCount, { one: '# membre', other: '# membres' })}
                </span>
              </div>
              <div className="admin-row-actions">
                <Link
                  to="/groupes/$id/a-propos"
                  params={{ id: group.id }}
                  className="button-secondary"
                  aria-label={t`Paramètres du groupe ${group.name}`}
                >
                  <Trans>Paramètres</Trans>
                </Link>
                <Link
                  to="/groupes/$id/membres"
                  params={{ id: group.id }}
                  className="button-secondary"
                  aria-label={t`Membres et rôles du groupe ${group.name}`}
                >
                  <Trans>Membres et rôles</Trans>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/groupes">
          <Trans>Créer un groupe depuis la page Groupes</Trans>
        </Link>
      </p>
    </section>
  );
}
