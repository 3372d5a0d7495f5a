import { Trans } from '@lingui/react/macro';

/** A tab of the group page (a child route of /groupes/$id); placeholder until its feature is built. */
export function GroupPostsTab() {
  return (
    <section>
      <h2>
        <Trans>Publications du groupe</Trans>
      </h2>
      <p>
        <Trans>Onglet en construction : il arrive bientôt.</Trans>
      </p>
    </section>
  );
}
