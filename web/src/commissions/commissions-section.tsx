import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { CreateCommissionMutation, OrganizationCommissionsQuery } from './commission-data';

/**
 * An organisation's commissions on its administration page, each leading to its page, and the
 * form that creates one (a private working group and a public showcase, created together).
 */
export function CommissionsSection({ organizationId }: { organizationId: string }) {
  const { t } = useLingui();
  const [{ data, fetching, error }] = useQuery({
    query: OrganizationCommissionsQuery,
    variables: { organizationId },
    requestPolicy: 'cache-and-network',
  });
  const commissions = data?.commissions ?? [];
  return (
    <section className="admin-section" aria-labelledby="admin-commissions-title">
      <h2 id="admin-commissions-title">
        <Trans>Commissions</Trans>
      </h2>
      <ErrorMessage error={error} />
      {!data && fetching ? (
        <p>
          <Trans>Chargement des commissions…</Trans>
        </p>
      ) : null}
      {data && commissions.length === 0 ? (
        <p>
          <Trans>Cette organisation n'a pas encore de commission.</Trans>
        </p>
      ) : null}
      {commissions.length > 0 ? (
        <ul className="admin-list" aria-label={t`Commissions de l'organisation`}>
          {commissions.map((commission) => (
            <li key={commission.id} className="admin-row">
              <div className="admin-row-main">
                <Link to="/commissions/$id" params={{ id: commission.id }} className="admin-row-title">
                  {commission.name}
                </Link>
                {commission.description ? <span className="admin-row-meta">{commission.description}</span> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateCommissionForm organizationId={organizationId} />
    </section>
  );
}

function CreateCommissionForm({ organizationId }: { organizationId: string }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateCommissionMutation);
  const submit = useCallback(
    async (data: FormData) => {
      const description = String(data.get('description') ?? '').trim();
      const result = await create({
        input: { organizationId, name: String(data.get('name') ?? ''), description: description || null },
      });
      if (result.error || !result.data) throw result.error ?? new Error('no data');
      await navigate({ to: '/commissions/$id', params: { id: result.data.createCommission.id } });
    },
    [create, navigate, organizationId],
  );
  const { onSubmit, error, pending } = useSubmit(submit);
  return (
    <form className="form admin-create" onSubmit={onSubmit} aria-busy={pending} noValidate>
      <h3>
        <Trans>Nouvelle commission</Trans>
      </h3>
      <p className="muted">
        <Trans>
          Une commission réunit un espace de travail privé, pour ses membres, et une vitrine publique où elle publie.
        </Trans>
      </p>
      <TextField name="name" label={t`Nom`} required maxLength={180} error={error} />
      <TextField name="description" label={t`Description`} maxLength={5000} error={error} />
      <ErrorMessage
        error={error}
        fieldLabels={{ name: t`Nom`, description: t`Description` }}
        fieldMessages={{ name: t`Donnez-lui un nom (180 caractères au plus).` }}
      />
      <button type="submit" className="button-primary">
        <Trans>Créer une commission</Trans>
      </button>
    </form>
  );
}
