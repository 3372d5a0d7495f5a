import { Trans } from '@lingui/react/macro';
import { usePageTitle } from './page-title';

/** What a page shows until its feature is built: its name and a plain notice. */
export function UnderConstruction({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>
        <Trans>Page en construction : elle arrive bientôt.</Trans>
      </p>
    </section>
  );
}
