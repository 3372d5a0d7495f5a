import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../admin/confirm-dialog';
import { AdminGate } from '../admin/organization-page';
import { ErrorMessage } from '../lib/errors/error-message';
import { ApiError } from '../lib/errors/app-error-info';
import { filterFieldLabels, filterSummary, memberCountText, type FilterSummaryInput } from './labels';
import { EMPTY_FILTER, toMemberFilter, useDebounced, type FilterState } from './member-filter';
import { MemberFilterFields } from './member-filter-fields';
import { CreateSegmentMutation, DeleteSegmentMutation, MembersCountQuery, SegmentsQuery } from './members-api';
import { MembersFrame, type OrganizationSummary } from './members-header';
import { segmentsRoute } from './routes';

/** "N membres", exact and live: asked again each time the filters settle. */
function LiveCount({ organizationId, filter }: { organizationId: string; filter: ReturnType<typeof toMemberFilter> }) {
  const { t } = useLingui();
  const [{ data, error, fetching }] = useQuery({
    query: MembersCountQuery,
    variables: { organizationId, filter },
    requestPolicy: 'network-only',
  });
  const count = data?.countMembers;
  return (
    <>
      <p className="members-count members-live-count" role="status" aria-busy={fetching}>
        {count === undefined ? t`Calcul en cours…` : memberCountText(count)}
      </p>
      <ErrorMessage error={error} fieldLabels={filterFieldLabels()} />
    </>
  );
}

function SegmentBuilder({ organization, onSaved }: { organization: OrganizationSummary; onSaved: () => void }) {
  const { t } = useLingui();
  const [name, setName] = useState('');
  const [form, setForm] = useState<FilterState>(EMPTY_FILTER);
  const settled = useDebounced(form);
  const filter = useMemo(() => toMemberFilter(settled), [settled]);
  const [{ fetching }, create] = useMutation(CreateSegmentMutation);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setDone('');
    const trimmed = name.trim();
    if (!trimmed) {
      setError(new ApiError({ code: 'BAD_USER_INPUT', fields: ['name'] }));
      return;
    }
    const result = await create({
      input: { organizationId: organization.id, name: trimmed, filter: toMemberFilter(form) },
    });
    if (result.error) {
      setError(result.error);
      return;
    }
    setDone(t`Le segment « ${trimmed} » est enregistré.`);
    setName('');
    setForm(EMPTY_FILTER);
    onSaved();
  };

  return (
    <section className="admin-section" aria-labelledby="segment-builder-title">
      <h2 id="segment-builder-title">
        <Trans>Nouveau segment</Trans>
      </h2>
      <form className="form" onSubmit={(event) => void onSubmit(event)} aria-busy={fetching} noValidate>
        <div className="field">
          <label htmlFor="segment-name">
            <Trans>Nom du segment</Trans>
          </label>
          <input
            id="segment-name"
            value={name}
            maxLength={100}
            aria-invalid={error instanceof ApiError || undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <MemberFilterFields value={form} onChange={setForm} hasBelow={organization.kind !== 'ASSOCIATION'} />
        <LiveCount organizationId={organization.id} filter={filter} />
        <ErrorMessage
          error={error}
          fieldLabels={{ ...filterFieldLabels(), name: t`Nom du segment` }}
          fieldMessages={{
            name: t`Donnez au segment un nom (100 caractères au plus) que vous n'avez pas encore utilisé.`,
          }}
        />
        <p role="status" className="admin-done">
          {done}
        </p>
        <button type="submit" className="button-primary">
          <Trans>Enregistrer le segment</Trans>
        </button>
      </form>
    </section>
  );
}

interface SegmentRow {
  id: string;
  name: string;
  memberCount: number;
  builtIn: boolean;
  filter: FilterSummaryInput;
}

/** A saved filter for a link: only the fields set (no nulls, no `__typename`). */
function filterParam(filter: FilterSummaryInput): string {
  const set = Object.entries(filter).filter(
    ([key, value]) => key !== '__typename' && value !== null && value !== undefined,
  );
  return JSON.stringify(Object.fromEntries(set));
}

function SegmentsAdmin({ organization }: { organization: OrganizationSummary }) {
  const { t } = useLingui();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: SegmentsQuery,
    variables: { organizationId: organization.id },
    requestPolicy: 'network-only',
  });
  const [, remove] = useMutation(DeleteSegmentMutation);
  const [deleting, setDeleting] = useState<SegmentRow | null>(null);
  const [done, setDone] = useState('');
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const confirmDelete = useCallback(async () => {
    if (!deleting) return;
    const result = await remove({ id: deleting.id });
    if (result.error) throw result.error;
    setDone(t`Le segment « ${deleting.name} » est supprimé.`);
    reload();
  }, [deleting, reload, remove, t]);
  const segments = data?.segments ?? [];

  return (
    <>
      <SegmentBuilder organization={organization} onSaved={reload} />
      <section className="admin-section" aria-labelledby="segments-title" aria-busy={fetching}>
        <h2 id="segments-title">
          <Trans>Segments enregistrés</Trans>
        </h2>
        <ErrorMessage error={error} />
        <p role="status" className="admin-done">
          {done}
        </p>
        {data && segments.length === 0 ? (
          <p>
            <Trans>Aucun segment pour l'instant.</Trans>
          </p>
        ) : null}
        <ul className="admin-list" aria-label={t`Segments`}>
          {segments.map((segment) => (
            <li key={segment.id} className="admin-row">
              <div className="admin-row-main">
                <span className="admin-row-title">{segment.name}</span>
                <span className="admin-row-meta">{filterSummary(segment.filter)}</span>
                <span className="admin-row-meta">
                  {memberCountText(segment.memberCount)}
                  {segment.builtIn ? (
                    <>
                      {' · '}
                      <Trans>Segment prédéfini</Trans>
                    </>
                  ) : null}
                </span>
              </div>
              <div className="admin-row-actions">
                <Link
                  to="/admin/organisations/$id/adherents"
                  params={{ id: organization.id }}
                  search={{ filtre: filterParam(segment.filter) }}
                  className="button-secondary"
                  aria-label={t`Voir les membres du segment ${segment.name}`}
                >
                  <Trans>Voir les membres</Trans>
                </Link>
                {segment.builtIn ? null : (
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t`Supprimer le segment ${segment.name}`}
                    onClick={() => {
                      setDone('');
                      setDeleting(segment);
                    }}
                  >
                    <Trans>Supprimer</Trans>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {deleting ? (
        <ConfirmDialog
          title={t`Supprimer le segment « ${deleting.name} » ?`}
          confirmLabel={t`Supprimer le segment`}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
          danger
        >
          <p>
            <Trans>
              Le segment disparaît de la liste ; les membres qu'il regroupe ne changent pas, et les annonces déjà
              envoyées restent en place.
            </Trans>
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** /admin/organisations/$id/segments: saved filters with live counts, and the builder. */
export function SegmentsPage() {
  const { id } = segmentsRoute.useParams();
  const { t } = useLingui();
  return (
    <AdminGate id={id} key={id}>
      <MembersFrame id={id} title={(name) => t`Segments de ${name}`}>
        {(organization) => <SegmentsAdmin organization={organization} />}
      </MembersFrame>
    </AdminGate>
  );
}
