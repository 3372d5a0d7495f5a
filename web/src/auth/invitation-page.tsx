import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { usePageTitle } from '../app/page-title';
import { ErrorMessage } from '../lib/errors/error-message';
import { TextField } from '../lib/forms/text-field';
import { useSubmit } from '../lib/forms/use-submit';
import { session } from '../lib/session/session';
import { invitationRoute } from './routes';

/**
 * Accepting an invitation. One form for both cases: a new person chooses a name and a password;
 * someone who already has an account with the invited address gives its current password (the
 * server decides which case it is; the page says so before and after).
 */
export function InvitationPage() {
  const { t } = useLingui();
  usePageTitle(t`Rejoindre Maillage`);
  const navigate = useNavigate();
  const { token } = invitationRoute.useParams();
  const accept = useCallback(
    async (data: FormData) => {
      await session.acceptInvitation(token, String(data.get('displayName') ?? ''), String(data.get('password') ?? ''));
      // A new member starts with the first steps (profile, topic groups, earlier answers, a question).
      await navigate({ to: '/premiers-pas', replace: true });
    },
    [navigate, token],
  );
  const { onSubmit, error, pending } = useSubmit(accept);

  return (
    <section className="page auth-page" aria-labelledby="invitation-title">
      <p className="brand-large" aria-hidden="true">
        Maillage
      </p>
      <h1 id="invitation-title">
        <Trans>Rejoindre Maillage</Trans>
      </h1>
      <p>
        <Trans>
          Vous êtes invité·e à rejoindre Maillage. Choisissez le nom que les autres membres verront et un mot de passe.
        </Trans>
      </p>
      <p className="notice">
        <Trans>
          Vous avez déjà un compte Maillage avec l'adresse invitée ? Saisissez son mot de passe actuel : l'invitation
          s'ajoute à votre compte, et votre nom affiché ne change pas.
        </Trans>
      </p>
      <form className="form" onSubmit={onSubmit} aria-busy={pending} noValidate>
        <TextField
          name="displayName"
          label={t`Nom affiché`}
          hint={t`Votre prénom et votre nom, par exemple. Inutile si vous avez déjà un compte.`}
          autoComplete="name"
          maxLength={100}
          error={error}
        />
        <TextField
          name="password"
          type="password"
          label={t`Mot de passe`}
          hint={t`Au moins 12 caractères. Avec un compte existant : son mot de passe actuel.`}
          autoComplete="new-password"
          required
          error={error}
        />
        <ErrorMessage
          error={error}
          overrides={{
            UNAUTHENTICATED: t`Un compte existe déjà pour l'adresse invitée : saisissez son mot de passe actuel pour y ajouter l'invitation.`,
          }}
          fieldMessages={{
            token: t`Cette invitation n'est plus valable (expirée, annulée ou déjà utilisée). Demandez-en une nouvelle à la personne qui vous a invité·e.`,
            password: t`Le mot de passe doit compter au moins 12 caractères.`,
            displayName: t`Indiquez le nom que les autres membres verront.`,
          }}
        />
        <button type="submit" className="button-primary">
          <Trans>Rejoindre</Trans>
        </button>
      </form>
    </section>
  );
}
