import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import './question-routing.css';

const RoutingPreferenceQuery = graphql(`
  query SettingsRoutingPreference {
    notificationSettings {
      acceptsQuestions
    }
  }
`);

const UpdateRoutingPreferenceMutation = graphql(`
  mutation SettingsUpdateRoutingPreference($acceptsQuestions: Boolean!) {
    updateNotificationSettings(input: { acceptsQuestions: $acceptsQuestions }) {
      acceptsQuestions
    }
  }
`);

/** In /parametres: accept or pause the questions Maillage routes to the person. Saved as soon as it changes. */
export function RoutingPreference() {
  const { t } = useLingui();
  const [{ data, error: loadError }] = useQuery({ query: RoutingPreferenceQuery });
  const [state, update] = useMutation(UpdateRoutingPreferenceMutation);
  const [saved, setSaved] = useState<boolean | null>(null);
  const accepts = data?.notificationSettings.acceptsQuestions;

  const change = async (value: boolean) => {
    setSaved(null);
    const result = await update({ acceptsQuestions: value });
    if (!result.error) setSaved(value);
  };

  return (
    <section className="settings-section" aria-labelledby="parametres-questions">
      <h2 id="parametres-questions">
        <Trans>Questions à traiter</Trans>
      </h2>
      <ErrorMessage error={loadError} />
      {accepts !== undefined ? (
        <label className="routing-preference-choice">
          <input
            type="checkbox"
            checked={accepts}
            disabled={state.fetching}
            aria-describedby="parametres-questions-hint"
            onChange={(event) => void change(event.target.checked)}
          />
          <span>
            <Trans>Recevoir des questions à traiter</Trans>
          </span>
        </label>
      ) : null}
      <p id="parametres-questions-hint" className="field-hint">
        <Trans>
          Maillage propose à quelques membres compétents chaque nouvelle question (au plus 5 par semaine). Décochez pour
          faire une pause.
        </Trans>
      </p>
      <ErrorMessage
        error={state.error}
        overrides={{ NETWORK: t`Préférence non enregistrée : Maillage ne répond pas. Réessayez.` }}
      />
      <p role="status" className="field-hint">
        {saved === true ? t`Vous recevrez des questions à traiter.` : null}
        {saved === false ? t`Pause enregistrée : on ne vous proposera plus de questions.` : null}
      </p>
    </section>
  );
}
