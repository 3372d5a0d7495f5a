import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../app/page-title';

/** What someone the API does not let through sees on an admin page: no data of the organisation. */
export function NoAccess() {
  const { t } = useLingui();
  usePageTitle(t`Accès refusé`);
  return (
    <section className="page admin-page">
      <h1>
        <Trans>Vous n'avez pas accès à cette page</Trans>
      </h1>
      <p>
        <Trans>
          Seules les personnes qui administrent cette organisation (ou une organisation au-dessus) peuvent la gérer. Si
          vous pensez que c'est une erreur, demandez à un administrateur de votre association ou de la fédération.
        </Trans>
      </p>
      <p>
        <Link to="/admin">
          <Trans>Retour à l'administration</Trans>
        </Link>
      </p>
    </section>
  );
}
