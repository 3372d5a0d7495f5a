import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';

const SettingsChangePasswordMutation = graphql(`
  mutation SettingsChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Change the password: the current one, then the new one. Other sessions end. */
export function PasswordSection() {
  const { t } = useLingui();
  const [, changePassword] = useMutation(SettingsChangePasswordMutation);
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const change = useCallback(
    async (data: FormData) => {
      setDone(false);
      const result = await changePassword({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      });
      if (result.error) throw result.error;
      // Forget the passwords once the change is made (never on an error: they stay to be corrected).
      form.current?.reset();
      setDone(true);
    },
    [changePassword],
  );
  const { onSubmit, error, pending } = useSubmit(change);

  return (
    <section className="settings-section" aria-labelledby="parametres-mot-de-passe">
      <h2 id="parametres-mot-de-passe">
        <Trans>Mot de passe</Trans>
      </h2>
      <form ref={form} className="form" aria-busy={pending} noValidate onSubmit={onSubmit}>
        <TextField
          name="currentPassword"
          type="password"
          label={t`Mot de passe actuel`}
          autoComplete="current-password"
          required
          error={error}
        />
        <TextField
          name="newPassword"
          type="password"
          label={t`Nouveau mot de passe`}
          hint={t`Au moins 12 caractères. Une phrase facile à retenir convient très bien.`}
          autoComplete="new-password"
          required
          error={error}
        />
        <ErrorMessage
          error={error}
          fieldLabels={{ currentPassword: t`Mot de passe actuel`, newPassword: t`Nouveau mot de passe` }}
          overrides={{
            WRONG_PASSWORD: t`Le mot de passe actuel est incorrect. Saisissez celui que vous utilisez aujourd'hui pour vous connecter, puis réessayez.`,
          }}
          fieldMessages={{
            newPassword: t`Le nouveau mot de passe est trop court : il doit compter au moins 12 caractères (256 au plus). Allongez-le puis réessayez.`,
            currentPassword: t`Saisissez votre mot de passe actuel.`,
          }}
        />
        <p role="status" className={done ? 'notice' : 'sr-only'}>
          {done ? (
            <Trans>Mot de passe changé. Vos sessions ouvertes sur d'autres appareils ont été fermées.</Trans>
          ) : null}
        </p>
        <div>
          <button type="submit" className="button-primary">
            <Trans>Changer le mot de passe</Trans>
          </button>
        </div>
      </form>
    </section>
  );
}
