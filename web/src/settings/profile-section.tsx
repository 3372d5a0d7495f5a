import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useId, useState } from 'react';
import { useMutation } from 'urql';
import { refreshShellData } from '../app/shell/shell-data';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { toErrorInfo } from '../lib/errors/app-error-info';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';

const SettingsUpdateProfileMutation = graphql(`
  mutation SettingsUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      jobTitle
      bio
      skills
      interests
      phone
    }
  }
`);

interface Me {
  displayName: string;
  jobTitle?: string | null;
  bio?: string | null;
  skills: string[];
  interests: string[];
  phone?: string | null;
}

/** "a, b ,c" → ["a", "b", "c"]: how lists are typed in one field. */
function splitList(value: FormDataEntryValue | null): string[] {
  return String(value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function optional(value: FormDataEntryValue | null): string | null {
  const text = String(value ?? '').trim();
  return text || null;
}

/** The profile others see: name, role, presentation, skills, interests, phone. */
export function ProfileSection({ me }: { me: Me }) {
  const { t } = useLingui();
  const bioId = useId();
  const [, updateProfile] = useMutation(SettingsUpdateProfileMutation);
  const [saved, setSaved] = useState(false);
  const save = useCallback(
    async (data: FormData) => {
      setSaved(false);
      const result = await updateProfile({
        input: {
          displayName: String(data.get('displayName') ?? ''),
          jobTitle: optional(data.get('jobTitle')),
          bio: optional(data.get('bio')),
          skills: splitList(data.get('skills')),
          interests: splitList(data.get('interests')),
          phone: optional(data.get('phone')),
        },
      });
      if (result.error) throw result.error;
      setSaved(true);
      refreshShellData();
    },
    [updateProfile],
  );
  const { onSubmit, error, pending } = useSubmit(save);
  const bioInvalid = toErrorInfo(error)?.fields?.includes('bio') ?? false;
  const fieldLabels = {
    displayName: t`Nom affiché`,
    jobTitle: t`Fonction`,
    bio: t`Présentation`,
    skills: t`Compétences`,
    interests: t`Centres d'intérêt`,
    phone: t`Téléphone`,
  };

  return (
    <section className="settings-section" aria-labelledby="parametres-profil">
      <h2 id="parametres-profil">
        <Trans>Profil</Trans>
      </h2>
      <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <TextField
          name="displayName"
          label={fieldLabels.displayName}
          hint={t`Le nom que les autres membres voient (100 caractères au plus).`}
          defaultValue={me.displayName}
          autoComplete="name"
          required
          maxLength={100}
          error={error}
        />
        <TextField
          name="jobTitle"
          label={fieldLabels.jobTitle}
          hint={t`Votre rôle dans votre association, par exemple « Trésorière ».`}
          defaultValue={me.jobTitle ?? ''}
          autoComplete="organization-title"
          maxLength={200}
          error={error}
        />
        <div className="field">
          <label htmlFor={bioId}>{fieldLabels.bio}</label>
          <textarea
            id={bioId}
            name="bio"
            rows={4}
            maxLength={5000}
            defaultValue={me.bio ?? ''}
            aria-invalid={bioInvalid || undefined}
          />
        </div>
        <TextField
          name="skills"
          label={fieldLabels.skills}
          hint={t`Ce que vous savez faire, séparé par des virgules : comptabilité, arbitrage…`}
          defaultValue={me.skills.join(', ')}
          error={error}
        />
        <TextField
          name="interests"
          label={fieldLabels.interests}
          hint={t`Séparés par des virgules.`}
          defaultValue={me.interests.join(', ')}
          error={error}
        />
        <TextField
          name="phone"
          type="tel"
          label={fieldLabels.phone}
          hint={t`Visible seulement si vous le partagez (section Annuaire).`}
          defaultValue={me.phone ?? ''}
          autoComplete="tel"
          error={error}
        />
        <ErrorMessage
          error={error}
          fieldLabels={fieldLabels}
          fieldMessages={{
            displayName: t`Saisissez un nom affiché (100 caractères au plus).`,
            phone: t`Ce numéro de téléphone n'est pas valide : utilisez des chiffres, espaces, points ou tirets, avec un + au début si besoin.`,
          }}
        />
        <p role="status" className={saved ? 'notice' : 'sr-only'}>
          {saved ? <Trans>Profil enregistré.</Trans> : null}
        </p>
        <div>
          <button type="submit" className="button-primary">
            <Trans>Enregistrer</Trans>
          </button>
        </div>
      </form>
    </section>
  );
}
