import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { usePageTitle } from '../app/page-title';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { session } from '../lib/session/session';
import { loginRoute } from './routes';

export function LoginPage() {
  const { t } = useLingui();
  usePageTitle(t`Connexion`);
  const navigate = useNavigate();
  const { retour, compte } = loginRoute.useSearch();
  const login = useCallback(
    async (data: FormData) => {
      await session.login(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
      await navigate({ href: retour ?? '/', replace: true });
    },
    [navigate, retour],
  );
  const { onSubmit, error, pending } = useSubmit(login);

  return (
    <section className="page auth-page" aria-labelledby="login-title">
      <p className="brand-large" aria-hidden="true">
        Maillage
      </p>
      <h1 id="login-title">
        <Trans>Connexion</Trans>
      </h1>
      {compte === 'supprime' ? (
        <p className="notice" role="status">
          <Trans>Votre compte a été supprimé et votre session fermée. Merci d'avoir participé à Maillage.</Trans>
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <TextField
          name="email"
          type="email"
          label={t`Adresse e-mail`}
          autoComplete="username"
          inputMode="email"
          autoFocus
          required
          error={error}
        />
        <TextField
          name="password"
          type="password"
          label={t`Mot de passe`}
          autoComplete="current-password"
          required
          error={error}
        />
        <ErrorMessage
          error={error}
          overrides={{
            UNAUTHENTICATED: t`Adresse e-mail ou mot de passe incorrect. Vérifiez-les, puis réessayez.`,
            BAD_USER_INPUT: t`Saisissez votre adresse e-mail et votre mot de passe.`,
          }}
        />
        <button type="submit" className="button-primary">
          <Trans>Se connecter</Trans>
        </button>
        <p>
          <Link to="/mot-de-passe-oublie">
            <Trans>Mot de passe oublié ?</Trans>
          </Link>
        </p>
      </form>
    </section>
  );
}
