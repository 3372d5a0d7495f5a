import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { graphqlClient } from '../lib/graphql/client';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { resetPasswordRoute } from './routes';
import './password-reset.css';

const ResetPasswordMutation = graphql(`
  mutation AuthResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** Setting a new password from the e-mailed link; then every session ends, so the person logs in again. */
export function ResetPasswordPage() {
  const { t } = useLingui();
  usePageTitle(t`Nouveau mot de passe`);
  const { token } = resetPasswordRoute.useParams();
  const [done, setDone] = useState(false);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const reset = useCallback(
    async (data: FormData) => {
      const newPassword = String(data.get('newPassword') ?? '');
      const result = await graphqlClient.mutation(ResetPasswordMutation, { token, newPassword }).toPromise();
      if (result.error) throw result.error;
      setDone(true);
    },
    [token],
  );
  const { onSubmit, error, pending } = useSubmit(reset);
  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  return (
    // Not a region named by the h1: its name would equal the field's (`Nouveau mot de passe`).
    <section className="page auth-page">
      <p className="brand-large" aria-hidden="true">
        Maillage
      </p>
      <h1 id="reset-title">
        <Trans>Nouveau mot de passe</Trans>
      </h1>
      {done ? (
        <div className="notice reset-done">
          <h2 ref={doneHeading} tabIndex={-1}>
            <Trans>Mot de passe enregistré</Trans>
          </h2>
          <p>
            <Trans>
              Votre nouveau mot de passe est en place. Par sécurité, toutes vos sessions ont été fermées :
              connectez-vous avec ce nouveau mot de passe.
            </Trans>
          </p>
          <p>
            <Link to="/connexion" className="button-primary">
              <Trans>Se connecter</Trans>
            </Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
          <TextField
            name="newPassword"
            type="password"
            label={t`Nouveau mot de passe`}
            hint={t`Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir.`}
            autoComplete="new-password"
            autoFocus
            required
            error={error}
          />
          <ErrorMessage
            error={error}
            overrides={{
              RESET_TOKEN_INVALID: t`Ce lien n'est plus valable : il a expiré (il dure une heure), a déjà servi, ou est incomplet. Demandez un nouveau lien.`,
            }}
            fieldMessages={{
              newPassword: t`Le mot de passe doit compter au moins 12 caractères. Choisissez-en un plus long.`,
            }}
          />
          <button type="submit" className="button-primary">
            <Trans>Enregistrer</Trans>
          </button>
          <p>
            <Link to="/mot-de-passe-oublie">
              <Trans>Demander un nouveau lien</Trans>
            </Link>
          </p>
        </form>
      )}
    </section>
  );
}
