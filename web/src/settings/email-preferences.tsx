import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { EmailFrequency, NotificationType } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { graphqlClient } from '../lib/graphql/client';
import { useSubmit } from '../lib/forms/use-submit';
import './email-preferences.css';

const EmailPreferencesQuery = graphql(`
  query SettingsEmailPreferences {
    notificationSettings {
      emailFrequency
      mutedTypes
      emailAnnouncements
      emailRenewalReminders
    }
  }
`);

const UpdateEmailPreferencesMutation = graphql(`
  mutation SettingsUpdateEmailPreferences($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      emailFrequency
      mutedTypes
      emailAnnouncements
      emailRenewalReminders
    }
  }
`);

const FREQUENCIES: { value: EmailFrequency; label: MessageDescriptor; hint: MessageDescriptor }[] = [
  {
    value: 'IMMEDIATE',
    label: msg`Tout de suite`,
    hint: msg`Un e-mail peu après chaque notification.`,
  },
  {
    value: 'DAILY',
    label: msg`Un résumé par jour`,
    hint: msg`Chaque matin, ce que vous n'avez pas encore lu.`,
  },
  {
    value: 'WEEKLY',
    label: msg`Un résumé par semaine`,
    hint: msg`Le lundi matin, ce que vous n'avez pas encore lu.`,
  },
  { value: 'NEVER', label: msg`Jamais`, hint: msg`Vous consultez vos notifications dans Maillage.` },
];

const TYPES: { value: NotificationType; label: MessageDescriptor }[] = [
  { value: 'NEW_ANSWER', label: msg`Réponses à mes questions` },
  { value: 'ANSWER_ACCEPTED', label: msg`Mes réponses acceptées` },
  { value: 'NEW_COMMENT', label: msg`Commentaires sur mes publications` },
  { value: 'JOIN_REQUEST', label: msg`Demandes pour rejoindre mes groupes` },
  { value: 'JOIN_APPROVED', label: msg`Mes demandes acceptées` },
];

/** The e-mail preferences section of /parametres: how often notifications are e-mailed, and which kinds never are. */
export function EmailPreferences() {
  const { i18n } = useLingui();
  const [{ data, fetching, error: loadError }] = useQuery({ query: EmailPreferencesQuery });
  const [saved, setSaved] = useState(false);
  const save = useCallback(async (form: FormData) => {
    setSaved(false);
    const emailFrequency = String(form.get('emailFrequency') ?? '') as EmailFrequency;
    const muted = new Set(form.getAll('emailed').map(String));
    const mutedTypes = TYPES.map((type) => type.value).filter((value) => !muted.has(value));
    const emailAnnouncements = form.get('emailAnnouncements') === 'on';
    const emailRenewalReminders = form.get('emailRenewalReminders') === 'on';
    const result = await graphqlClient
      .mutation(UpdateEmailPreferencesMutation, {
        input: { emailFrequency, mutedTypes, emailAnnouncements, emailRenewalReminders },
      })
      .toPromise();
    if (result.error) throw result.error;
    setSaved(true);
  }, []);
  const { onSubmit, error, pending } = useSubmit(save);
  const settings = data?.notificationSettings;

  return (
    <section className="email-preferences" aria-labelledby="preferences-e-mail">
      <h2 id="preferences-e-mail">
        <Trans>Notifications par e-mail</Trans>
      </h2>
      {fetching && !settings ? (
        <p>
          <Trans>Chargement de vos préférences…</Trans>
        </p>
      ) : null}
      <ErrorMessage error={loadError} />
      {settings ? (
        <form className="form" onSubmit={onSubmit} aria-busy={pending} onChange={() => setSaved(false)}>
          <fieldset>
            <legend>
              <Trans>Fréquence des e-mails</Trans>
            </legend>
            {FREQUENCIES.map((frequency) => (
              <label key={frequency.value} className="choice">
                <input
                  type="radio"
                  name="emailFrequency"
                  value={frequency.value}
                  defaultChecked={settings.emailFrequency === frequency.value}
                />
                <span>
                  <span className="choice-label">{i18n._(frequency.label)}</span>
                  <span className="choice-hint">{i18n._(frequency.hint)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>
              <Trans>Ce qui m'est envoyé par e-mail</Trans>
            </legend>
            {TYPES.map((type) => (
              <label key={type.value} className="choice">
                <input
                  type="checkbox"
                  name="emailed"
                  value={type.value}
                  defaultChecked={!settings.mutedTypes.includes(type.value)}
                />
                <span className="choice-label">{i18n._(type.label)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>
              <Trans>Mes associations</Trans>
            </legend>
            <label className="choice">
              <input type="checkbox" name="emailAnnouncements" defaultChecked={settings.emailAnnouncements} />
              <span className="choice-label">
                <Trans>Recevoir les annonces par e-mail</Trans>
              </span>
            </label>
            <label className="choice">
              <input type="checkbox" name="emailRenewalReminders" defaultChecked={settings.emailRenewalReminders} />
              <span className="choice-label">
                <Trans>Recevoir les rappels de renouvellement de cotisation</Trans>
              </span>
            </label>
          </fieldset>
          <p className="field-hint">
            <Trans>
              Les e-mails de sécurité (mot de passe oublié ou modifié) arrivent toujours. Chaque e-mail de notification
              contient aussi un lien pour se désabonner en un clic.
            </Trans>
          </p>
          <ErrorMessage error={error} />
          <div role="status">
            {saved ? (
              <p className="notice">
                <Trans>Préférences enregistrées.</Trans>
              </p>
            ) : null}
          </div>
          <button type="submit" className="button-primary">
            <Trans>Enregistrer les préférences</Trans>
          </button>
        </form>
      ) : null}
    </section>
  );
}
