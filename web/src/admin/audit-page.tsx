import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type ChangeEvent } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDateTime } from '../lib/format/dates';
import { actionLabel, AUDIT_ACTIONS, roleLabel } from './labels';
import { AdminGate } from './organization-page';
import { adminAuditRoute } from './routes';
import './admin.css';

const AdminAuditNameQuery = graphql(`
  query AdminAuditName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

const AdminAuditLogQuery = graphql(`
  query AdminAuditLog($id: ID!, $after: String, $action: String, $personId: ID) {
    auditLog(organizationId: $id, first: 20, after: $after, action: $action, personId: $personId) {
      edges {
        cursor
        node {
          id
          action
          createdAt
          details
          targetType
          targetId
          actor {
            id
            displayName
          }
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

function detailsText(action: string, details: unknown): string | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as Record<string, unknown>;
  if (action === 'member.role_changed' && typeof d.from === 'string' && typeof d.to === 'string')
    return `${roleLabel(d.from)} → ${roleLabel(d.to)}`;
  if (action === 'invitation.created' && typeof d.role === 'string') return roleLabel(d.role);
  return null;
}

function AuditEntries({
  id,
  after,
  action,
  personId,
  first,
  onMore,
}: {
  id: string;
  after: string | null;
  action?: string;
  personId?: string;
  first: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useLingui();
  const [{ data, fetching, error }] = useQuery({
    query: AdminAuditLogQuery,
    variables: { id, after, action: action ?? null, personId: personId ?? null },
    requestPolicy: 'network-only',
  });
  if (error) return <ErrorMessage error={error} />;
  const log = data?.auditLog;
  if (!log)
    return fetching ? (
      <p>
        <Trans>Chargement du journal…</Trans>
      </p>
    ) : null;
  return (
    <>
      {first && log.edges.length === 0 ? (
        <p>
          <Trans>Aucune action enregistrée pour ce choix.</Trans>
        </p>
      ) : null}
      <ol className="admin-list" aria-label={first ? t`Actions enregistrées` : t`Actions plus anciennes`}>
        {log.edges.map(({ node }) => {
          const extra = detailsText(node.action, node.details);
          return (
            <li key={node.id} className="admin-row">
              <div className="admin-row-main">
                <span className="admin-row-title">
                  {actionLabel(node.action)}
                  {extra ? ` : ${extra}` : ''}
                </span>
                <span className="admin-row-meta">
                  {formatDateTime(node.createdAt)} · {node.organization.name} ·{' '}
                  {node.actor ? (
                    <Link
                      to="/admin/organisations/$id/journal"
                      params={{ id }}
                      search={{ action, personne: node.actor.id }}
                      aria-label={t`par ${node.actor.displayName} : voir seulement ses actions`}
                    >
                      {t`par ${node.actor.displayName}`}
                    </Link>
                  ) : (
                    <Trans>par un ancien membre</Trans>
                  )}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      {log.pageInfo.hasNextPage && log.pageInfo.endCursor ? (
        <button type="button" className="button-secondary" onClick={() => onMore(log.pageInfo.endCursor!)}>
          <Trans>Afficher les actions plus anciennes</Trans>
        </button>
      ) : null}
    </>
  );
}

function AuditLog({ id }: { id: string }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const { action, personne } = adminAuditRoute.useSearch();
  const [{ data }] = useQuery({ query: AdminAuditNameQuery, variables: { id } });
  const name = data?.organization?.name ?? '';
  usePageTitle(name ? t`Journal de ${name}` : t`Journal d'administration`);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const filterKey = `${action ?? ''}-${personne ?? ''}`;
  const [shownKey, setShownKey] = useState(filterKey);
  if (shownKey !== filterKey) {
    setShownKey(filterKey);
    setPages([null]);
  }
  const onAction = (event: ChangeEvent<HTMLSelectElement>) => {
    void navigate({
      to: '/admin/organisations/$id/journal',
      params: { id },
      search: { action: event.target.value || undefined, personne },
    });
  };

  return (
    <section className="page admin-page">
      <nav aria-label={t`Fil d'Ariane`} className="admin-breadcrumb">
        <Link to="/admin">
          <Trans>Administration</Trans>
        </Link>
        {' › '}
        <Link to="/admin/organisations/$id" params={{ id }}>
          {name || t`Organisation`}
        </Link>
      </nav>
      <h1>{name ? <Trans>Journal de {name}</Trans> : <Trans>Journal d'administration</Trans>}</h1>
      <p>
        <Trans>Les actions d'administration dans cette organisation et en dessous, les plus récentes d'abord.</Trans>
      </p>
      <div className="admin-filters">
        <div className="field">
          <label htmlFor="admin-audit-action">
            <Trans>Type d'action</Trans>
          </label>
          <select id="admin-audit-action" value={action ?? ''} onChange={onAction}>
            <option value="">{t`Toutes les actions`}</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {actionLabel(value)}
              </option>
            ))}
          </select>
        </div>
        {personne ? (
          <p>
            <Trans>Seulement les actions d'une personne.</Trans>{' '}
            <Link to="/admin/organisations/$id/journal" params={{ id }} search={{ action }}>
              <Trans>Voir toutes les personnes</Trans>
            </Link>
          </p>
        ) : null}
      </div>
      {pages.map((after, index) => (
        <AuditEntries
          key={`${filterKey}-${after ?? 'first'}`}
          id={id}
          after={after}
          action={action}
          personId={personne}
          first={index === 0}
          onMore={(cursor) => setPages((current) => [...current, cursor])}
        />
      ))}
    </section>
  );
}

/** /admin/organisations/$id/journal: the audit log, filtered by action and person, paged. */
export function AuditPage() {
  const { id } = adminAuditRoute.useParams();
  return (
    <AdminGate id={id} key={id}>
      <AuditLog id={id} />
    </AdminGate>
  );
}
