import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { usePageTitle } from './page-title';

export function NotFoundPage() {
  const { t } = useLingui();
  usePageTitle(t`Page introuvable`);
  return (
    <main id="contenu" className="public-page" tabIndex={-1}>
      <section className="page">
        <h1>
          <Trans>Page introuvable</Trans>
        </h1>
        <p>
          <Trans>
            Cette adresse ne correspond à aucune page de Maillage. Vérifiez le lien, ou repartez de l'accueil.
          </Trans>
        </p>
        <p>
          <Link to="/">
            <Trans>Retour à l'accueil</Trans>
          </Link>
        </p>
      </section>
    </main>
  );
}
