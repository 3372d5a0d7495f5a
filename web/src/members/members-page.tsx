import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { AdminGate } from '../admin/organization-page';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { downloadMembersCsv } from './export-csv';
import { DuesBadge } from './dues-badge';
import { GraceDaysForm } from './grace-days-form';
import { categoriesText, filterFieldLabels, memberCountText } from './labels';
import { CategoriesDialog, DuesDialog } from './member-dialogs';
import {
  EMPTY_FILTER,
  fromSavedFilter,
  parseFilterParam,
  toMemberFilter,
  useDebounced,
  type FilterState,
} from './member-filter';
import { MemberFilterFields } from './member-filter-fields';
import { MembersFrame, type OrganizationSummary } from './members-header';
import { membersRoute } from './routes';
import { useMembersList, type MemberRow } from './use-members-list';

type Action = { kind: 'categories' | 'dues'; member: MemberRow };

function MembersTable({
  rows,
  showOrganization,
  onAction,
}: {
  rows: MemberRow[];
  showOrganization: boolean;
  onAction: (action: Action) => void;
}) {
  const { t } = useLingui();
  return (
    <div className="members-table-wrap" role="region" aria-label={t`Tableau des membres`} tabIndex={0}>
      <table className="members-table">
        <thead>
          <tr>
            <th scope="col">
              <Trans>Membre</Trans>
            </th>
            <th scope="col">
              <Trans>Catégories</Trans>
            </th>
            <th scope="col">
              <Trans>Cotisation</Trans>
            </th>
            <th scope="col">
              <Trans>Actions</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = row.user.displayName;
            return (
              <tr key={`${row.user.id}-${row.organization.id}`}>
                <th scope="row">
                  <span className="admin-row-title">{name}</span>
                  {row.user.email ? <span className="admin-row-meta">{row.user.email}</span> : null}
                  <span className="admin-row-meta">
                    {showOrganization ? `${row.organization.name} · ` : ''}
                    {t`depuis le ${formatDate(row.createdAt)}`}
                  </span>
                </th>
                <td>{categoriesText(row.categories)}</td>
                <td>
                  <DuesBadge status={row.duesStatus} paidUntil={row.duesPaidUntil} />
                </td>
                <td>
                  <div className="admin-row-actions">
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t`Modifier les catégories de ${name}`}
                      onClick={() => onAction({ kind: 'categories', member: row })}
                    >
                      <Trans>Catégories</Trans>
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t`Enregistrer une cotisation de ${name}`}
                      onClick={() => onAction({ kind: 'dues', member: row })}
                    >
                      <Trans>Cotisation</Trans>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function MembersAdmin({ organization, initial }: { organization: OrganizationSummary; initial: FilterState }) {
  const { t } = useLingui();
  const client = useClient();
  const [form, setForm] = useState<FilterState>(initial);
  const settled = useDebounced(form);
  const filter = useMemo(() => toMemberFilter(settled), [settled]);
  const list = useMembersList(organization.id, filter);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const hasBelow = organization.kind !== 'ASSOCIATION';

  const onDone = useCallback(
    (message: string) => {
      setDone(message);
      list.reload();
    },
    [list],
  );
  const closeDialog = useCallback(() => setAction(null), []);

  const onExport = async () => {
    setExportError(null);
    setExporting(true);
    try {
      await downloadMembersCsv(client, organization, filter);
      setDone(t`Le fichier CSV est téléchargé.`);
    } catch (caught) {
      setExportError(caught);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <section className="admin-section" aria-labelledby="members-filters-title">
        <h2 id="members-filters-title">
          <Trans>Filtres</Trans>
        </h2>
        <MemberFilterFields value={form} onChange={setForm} hasBelow={hasBelow} />
        <button type="button" className="button-secondary" onClick={() => setForm(EMPTY_FILTER)}>
          <Trans>Effacer les filtres</Trans>
        </button>
        <GraceDaysForm organizationId={organization.id} />
      </section>
      <section className="admin-section" aria-labelledby="members-list-title" aria-busy={list.loading}>
        <div className="members-list-head">
          <h2 id="members-list-title">
            <Trans>Membres</Trans>
          </h2>
          <button type="button" className="button-secondary" onClick={() => void onExport()} disabled={exporting}>
            <Trans>Exporter en CSV</Trans>
          </button>
        </div>
        <ErrorMessage error={exportError} />
        <p className="members-count" role="status">
          {list.totalCount === null ? t`Chargement des membres…` : memberCountText(list.totalCount)}
        </p>
        <p role="status" className="admin-done">
          {done}
        </p>
        <ErrorMessage error={list.error} fieldLabels={filterFieldLabels()} />
        {list.totalCount === 0 ? (
          <p>
            <Trans>Aucun membre ne correspond à ces filtres. Retirez-en un pour élargir la recherche.</Trans>
          </p>
        ) : null}
        {list.rows.length > 0 ? (
          <MembersTable
            rows={list.rows}
            showOrganization={filter.includeDescendants === true}
            onAction={(next) => {
              setDone('');
              setAction(next);
            }}
          />
        ) : null}
        {list.hasNextPage ? (
          <button type="button" className="button-secondary" onClick={list.more} disabled={list.loading}>
            <Trans>Voir plus</Trans>
          </button>
        ) : null}
      </section>
      {action?.kind === 'categories' ? (
        <CategoriesDialog member={action.member} onClose={closeDialog} onDone={onDone} />
      ) : null}
      {action?.kind === 'dues' ? <DuesDialog member={action.member} onClose={closeDialog} onDone={onDone} /> : null}
    </>
  );
}

/** /admin/organisations/$id/adherents: members with categories and dues, filters, export. */
export function MembersPage() {
  const { id } = membersRoute.useParams();
  const { filtre } = membersRoute.useSearch();
  const { t } = useLingui();
  const initial = fromSavedFilter(parseFilterParam(filtre));
  return (
    <AdminGate id={id} key={id}>
      <MembersFrame id={id} title={(name) => t`Adhérents de ${name}`}>
        {(organization) => <MembersAdmin organization={organization} initial={initial} />}
      </MembersFrame>
    </AdminGate>
  );
}
