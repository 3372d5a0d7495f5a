import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';

const CalendarUrlQuery = graphql(`
  query EventsCalendarUrl {
    me {
      id
      calendarUrl
    }
  }
`);

const ResetCalendarUrlMutation = graphql(`
  mutation EventsResetCalendarUrl {
    resetCalendarUrl
  }
`);

/** In /parametres: the personal calendar feed address, to copy into a calendar app, and its reset. */
export function CalendarSection() {
  const { t } = useLingui();
  const id = useId();
  const [{ data, error }, refetch] = useQuery({ query: CalendarUrlQuery });
  const [reset, resetUrl] = useMutation(ResetCalendarUrlMutation);
  const [copied, setCopied] = useState<string | null>(null);
  const url = data?.me.calendarUrl ?? '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t`Lien copié.`);
    } catch {
      setCopied(t`La copie n'a pas fonctionné : sélectionnez le lien et copiez-le vous-même.`);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="parametres-agenda">
      <h2 id="parametres-agenda">
        <Trans>Mon agenda</Trans>
      </h2>
      <p>
        <Trans>
          Abonnez votre agenda (téléphone, Google Agenda, Outlook…) à ce lien pour y voir vos événements à venir. Il est
          personnel : ne le partagez pas.
        </Trans>
      </p>
      <ErrorMessage error={error} />
      <div className="field">
        <label htmlFor={`${id}-url`}>
          <Trans>Lien de mon agenda</Trans>
        </label>
        <input id={`${id}-url`} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button-secondary" disabled={!url} onClick={() => void copy()}>
          <Trans>Copier le lien</Trans>
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={reset.fetching}
          aria-describedby={`${id}-reset-hint`}
          onClick={() =>
            void resetUrl({}).then((result) => {
              if (result.error) return;
              setCopied(t`Nouveau lien créé : l'ancien ne fonctionne plus.`);
              refetch({ requestPolicy: 'network-only' });
            })
          }
        >
          <Trans>Réinitialiser le lien</Trans>
        </button>
      </div>
      <p id={`${id}-reset-hint`} className="field-hint">
        <Trans>Réinitialiser crée un nouveau lien ; l'ancien cesse aussitôt de fonctionner.</Trans>
      </p>
      <p role="status" className="field-hint">
        {copied}
      </p>
      <ErrorMessage error={reset.error} />
    </section>
  );
}
