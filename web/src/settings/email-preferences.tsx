import { Trans } from '@lingui/react/macro';

/** The e-mail preferences section of /parametres (built with the e-mail feature); a placeholder until then. */
export function EmailPreferences() {
  return (
    <section aria-labelledby="preferences-e-mail">
      <h2 id="preferences-e-mail">
        <Trans>Notifications par e-mail</Trans>
      </h2>
      <p>
        <Trans>Section en construction : elle arrive bientôt.</Trans>
      </p>
    </section>
  );
}
