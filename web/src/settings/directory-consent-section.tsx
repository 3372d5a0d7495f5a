import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';

const SettingsUpdateConsentMutation = graphql(`
  mutation SettingsUpdateConsent($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      profileVisibility {
        listed
        jobTitle
        bio
        skills
        interests
        email
        phone
      }
    }
  }
`);

type Choice = 'listed' | 'jobTitle' | 'bio' | 'skills' | 'interests' | 'email' | 'phone';
type Visibility = Record<Choice, boolean>;

/** What each shared field is, as the person reads it. */
const FIELD_LABELS: [Exclude<Choice, 'listed'>, MessageDescriptor][] = [
  ['jobTitle', msg`Ma fonction`],
  ['bio', msg`Ma présentation`],
  ['skills', msg`Mes compétences`],
  ['interests', msg`Mes centres d'intérêt`],
  ['email', msg`Mon adresse e-mail`],
  ['phone', msg`Mon numéro de téléphone`],
];

/**
 * Directory consent: whether the person is listed, and which fields other members see. Each box
 * is saved as soon as it changes (and put back as it was if the server refuses).
 */
export function DirectoryConsentSection({ visibility }: { visibility?: Visibility | null }) {
  const { t, i18n } = useLingui();
  const hintId = useId();
  const [choices, setChoices] = useState<Visibility | undefined>(visibility ?? undefined);
  const [, updateConsent] = useMutation(SettingsUpdateConsentMutation);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  if (!choices) return null;

  const change = async (field: Choice, value: boolean) => {
    const before = choices;
    setChoices({ ...choices, [field]: value });
    setError(null);
    setStatus('');
    const result = await updateConsent({ input: { profileVisibility: { [field]: value } } });
    const saved = result.data?.updateProfile.profileVisibility;
    if (result.error || !saved) {
      setChoices(before);
      setError(result.error ?? new Error('not saved'));
      return;
    }
    setChoices(saved);
    setStatus(
      field === 'listed'
        ? value
          ? t`Enregistré : vous figurez dans l'annuaire.`
          : t`Enregistré : vous ne figurez plus dans l'annuaire.`
        : t`Enregistré.`,
    );
  };

  return (
    <section className="settings-section" aria-labelledby="parametres-annuaire">
      <h2 id="parametres-annuaire">
        <Trans>Annuaire</Trans>
      </h2>
      <div className="check-field">
        <input
          id={`${hintId}-listed`}
          type="checkbox"
          checked={choices.listed}
          aria-describedby={hintId}
          onChange={(event) => void change('listed', event.target.checked)}
        />
        <label htmlFor={`${hintId}-listed`}>
          <Trans>Figurer dans l'annuaire</Trans>
        </label>
      </div>
      <p id={hintId} className="field-hint">
        <Trans>
          Cochée, les membres de la fédération vous trouvent dans l'annuaire et dans la recherche. Décochée, vous n'y
          apparaissez plus ; votre nom reste affiché sur ce que vous publiez, et l'on peut encore ouvrir votre profil
          depuis vos publications ou vous écrire.
        </Trans>
      </p>
      <fieldset className="consent-fields">
        <legend>
          <Trans>Ce que les autres membres voient sur mon profil</Trans>
        </legend>
        {FIELD_LABELS.map(([field, label]) => (
          <div className="check-field" key={field}>
            <input
              id={`${hintId}-${field}`}
              type="checkbox"
              checked={choices[field]}
              onChange={(event) => void change(field, event.target.checked)}
            />
            <label htmlFor={`${hintId}-${field}`}>{i18n._(label)}</label>
          </div>
        ))}
        <p className="field-hint">
          <Trans>
            Votre nom et vos organisations sont toujours visibles des membres. Les administrateurs de vos organisations
            voient aussi votre adresse e-mail et votre téléphone, pour gérer les adhésions.
          </Trans>
        </p>
      </fieldset>
      <ErrorMessage error={error} />
      <p role="status" className={status ? 'notice' : 'sr-only'}>
        {status}
      </p>
    </section>
  );
}
