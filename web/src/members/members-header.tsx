import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { ErrorMessage } from '../lib/errors/error-message';
import { MembersOrganizationQuery } from './members-api';
import '../admin/admin.css';
import './members.css';

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
}

/**
 * The frame of the association-life screens: breadcrumb back to the organisation, the title, and
 * links between the members table, the segments and the import. The page's body gets the organisation.
 */
export function MembersFrame({
  id,
  title,
  children,
}: {
  id: string;
  /** The page's title, given the organisation's name. */
  title: (name: string) => string;
  children: (organization: OrganizationSummary) => ReactNode;
}) {
  const { t } = useLingui();
  const [{ data, error, fetching }] = useQuery({
    query: MembersOrganizationQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const organization = data?.organization;
  const heading = organization ? title(organization.name) : t`Administration`;
  usePageTitle(heading);
  return (
    <section className="page admin-page members-page" aria-busy={fetching}>
      <nav aria-label={t`Fil d'Ariane`} className="admin-breadcrumb">
        <Link to="/admin">
          <Trans>Administration</Trans>
        </Link>
        {organization ? (
          <>
            {' › '}
            <Link to="/admin/organisations/$id" params={{ id }}>
              {organization.name}
            </Link>
          </>
        ) : null}
      </nav>
      <h1>{heading}</h1>
      <nav aria-label={t`Vie associative`} className="members-tabs">
        <Link to="/admin/organisations/$id/adherents" params={{ id }} activeOptions={{ exact: true }}>
          <Trans>Adhérents et cotisations</Trans>
        </Link>
        <Link to="/admin/organisations/$id/segments" params={{ id }} activeOptions={{ exact: true }}>
          <Trans>Segments</Trans>
        </Link>
        <Link to="/admin/organisations/$id/import" params={{ id }} activeOptions={{ exact: true }}>
          <Trans>Import et export</Trans>
        </Link>
      </nav>
      <ErrorMessage error={error} />
      {organization ? children(organization) : null}
    </section>
  );
}
