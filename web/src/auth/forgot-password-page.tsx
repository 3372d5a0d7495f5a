import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { ErrorMessage } from '../lib/errors/error-message';
import { graphqlClient } from '../lib/graphql/client';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import './password-reset.css';

const RequestPasswordResetMutation = graphql(`
  mutation AuthRequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/**
 * Asking for a reset link. The answer never says whether the address has an account (the server
 * answers the same either way): the page says what happens if it does.
 */
export function ForgotPasswordPage() {
  const { t } = useLingui();
  usePageTitle(t`Mot de passe oublié`);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useCallback(async (data: FormData) => {
    const email = String(data.get('email') ?? '').trim();
    const result = await graphqlClient.mutation(RequestPasswordResetMutation, { email }).toPromise();
    if (result.error) throw result.error;
    setSentTo(email);
  }, []);
  const { onSubmit, error, pending } = useSubmit(request);

  return (
    <section className="page auth-page" aria-labelledby="forgot-title">
      <p className="brand-large" aria-hidden="true">
        Maillage
      </p>
      <h1 id="forgot-title">
        <Trans>Mot de passe oublié</Trans>
      </h1>
      <p>
        <Trans>
          Saisissez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
        </Trans>
      </p>
      <div role="status" className="reset-status">
        {sentTo ? (
          <p className="notice">
            <Trans>
              C'est envoyé. Si un compte Maillage utilise l'adresse {sentTo}, un e-mail avec un lien vient de lui être
              envoyé. Le lien est valable une heure. Rien reçu d'ici quelques minutes ? Regardez dans les courriers
              indésirables, puis vérifiez l'adresse et recommencez.
            </Trans>
          </p>
        ) : null}
      </div>
      <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <TextField
          name="email"
          type="email"
          label={t`Adresse e-mail`}
          autoComplete="email"
          inputMode="email"
          autoFocus
          required
          maxLength={320}
          error={error}
        />
        <ErrorMessage
          error={error}
          fieldMessages={{ email: t`Saisissez une adresse e-mail complète, par exemple prenom.nom@exemple.fr.` }}
        />
        <button type="submit" className="button-primary">
          <Trans>Envoyer le lien</Trans>
        </button>
        <p>
          <Link to="/connexion">
            <Trans>Retour à la connexion</Trans>
          </Link>
        </p>
      </form>
    </section>
  );
}
