import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../lib/errors/error-message';
import { ApiError } from '../lib/errors/app-error-info';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { GraceDaysQuery, UpdateGraceDaysMutation } from './members-api';

/** How long after the last paid day dues count as "Délai de grâce" before "Expirée". */
export function GraceDaysForm({ organizationId }: { organizationId: string }) {
  const { t } = useLingui();
  const [{ data }] = useQuery({ query: GraceDaysQuery, variables: { id: organizationId } });
  const [, update] = useMutation(UpdateGraceDaysMutation);
  const [done, setDone] = useState('');
  const save = useCallback(
    async (form: FormData) => {
      setDone('');
      const text = String(form.get('duesGraceDays') ?? '').trim();
      if (!/^\d{1,3}$/.test(text)) throw new ApiError({ code: 'BAD_USER_INPUT', fields: ['duesGraceDays'] });
      const result = await update({ input: { organizationId, duesGraceDays: Number(text) } });
      if (result.error) throw result.error;
      setDone(t`Délai de grâce enregistré.`);
    },
    [organizationId, t, update],
  );
  const { onSubmit, error, pending } = useSubmit(save);
  const current = data?.organization?.duesGraceDays;
  if (current === undefined) return null;
  return (
    <details className="admin-bulk">
      <summary>
        <Trans>Délai de grâce des cotisations : {current} jours</Trans>
      </summary>
      <form className="form members-grace" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <TextField
          name="duesGraceDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={366}
          label={t`Délai de grâce (jours)`}
          hint={t`Après la fin de la période payée, la cotisation reste « Délai de grâce » ce nombre de jours, puis devient « Expirée ».`}
          defaultValue={current}
          error={error}
        />
        <ErrorMessage error={error} fieldMessages={{ duesGraceDays: t`Indiquez un nombre de jours entre 0 et 366.` }} />
        <p role="status" className="admin-done">
          {done}
        </p>
        <button type="submit" className="button-secondary">
          <Trans>Enregistrer le délai</Trans>
        </button>
      </form>
    </details>
  );
}
