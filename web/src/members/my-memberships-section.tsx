import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from 'urql';
import { ErrorMessage } from '../lib/errors/error-message';
import { DuesBadge } from './dues-badge';
import { categoriesText } from './labels';
import { MyMembershipsQuery } from './members-api';
import './members.css';

/** /parametres: the person's own categories and dues, per organisation (read-only; only they and admins see them). */
export function MyMembershipsSection() {
  const { t } = useLingui();
  const [{ data, error }] = useQuery({ query: MyMembershipsQuery, requestPolicy: 'cache-and-network' });
  const memberships = data?.me.memberships ?? [];
  return (
    <section className="settings-section" aria-labelledby="parametres-adhesions">
      <h2 id="parametres-adhesions">
        <Trans>Mes adhésions</Trans>
      </h2>
      <p className="field-hint">
        <Trans>
          Vos catégories et l'état de votre cotisation dans chaque organisation. Seuls vous et ses administrateurs les
          voient ; pour une correction, adressez-vous à eux.
        </Trans>
      </p>
      <ErrorMessage error={error} />
      {data && memberships.length === 0 ? (
        <p>
          <Trans>Vous n'êtes membre d'aucune organisation.</Trans>
        </p>
      ) : null}
      <dl className="members-mine">
        {memberships.map((membership) => (
          <div key={membership.organization.id} className="members-mine-item">
            <dt>{membership.organization.name}</dt>
            <dd>{t`Catégories : ${categoriesText(membership.categories)}`}</dd>
            <dd>
              {t`Cotisation :`} <DuesBadge status={membership.duesStatus} paidUntil={membership.duesPaidUntil} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
