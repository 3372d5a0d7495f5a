import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { BarChart } from './bar-chart';
import type { Engagement } from './engagement-page';
import { formatCount, formatHours, formatRate, MASKED } from './format';

/** For a region or the federation: each association below, small cells masked ("—", fewer than 5 people). */
export function AssociationsSection({ engagement }: { engagement: Engagement }) {
  const { t } = useLingui();
  const rows = engagement.byAssociation;
  const masked = rows.some((row) =>
    [row.contributors, row.activeReaders, row.newMembers, row.questionsAsked].some((value) => value === null),
  );
  return (
    <section aria-labelledby="engagement-associations-title" className="engagement-section">
      <h2 id="engagement-associations-title">
        <Trans>Associations</Trans>
      </h2>
      {rows.length === 0 ? (
        <p>
          <Trans>Aucune association en dessous.</Trans>
        </p>
      ) : (
        <>
          <BarChart
            title={t`Contributeurs par association`}
            bars={rows.map((row) => ({
              key: row.organization.id,
              label: row.organization.name,
              value: row.contributors ?? null,
              text: formatCount(row.contributors),
            }))}
          />
          <div className="engagement-table-wrap" tabIndex={0} role="region" aria-label={t`Tableau des associations`}>
            <table className="engagement-table">
              <caption className="sr-only">
                <Trans>Chiffres de chaque association</Trans>
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <Trans>Association</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Contributeurs</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Lecteurs actifs</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Nouveaux membres</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Questions</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Répondues en 48 h</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Délai médian</Trans>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.organization.id}>
                    <th scope="row">
                      <Link
                        to="/admin/organisations/$id/engagement"
                        params={{ id: row.organization.id }}
                        search={{ jours: engagement.days === 30 || engagement.days === 365 ? engagement.days : 90 }}
                      >
                        {row.organization.name}
                      </Link>
                    </th>
                    <Cell text={formatCount(row.contributors)} masked={row.contributors === null} />
                    <Cell text={formatCount(row.activeReaders)} masked={row.activeReaders === null} />
                    <Cell text={formatCount(row.newMembers)} masked={row.newMembers === null} />
                    <Cell text={formatCount(row.questionsAsked)} masked={row.questionsAsked === null} />
                    <Cell text={formatRate(row.answeredWithin48hRate)} masked={row.questionsAsked === null} />
                    <Cell text={formatHours(row.medianHoursToFirstAnswer)} masked={row.questionsAsked === null} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {masked ? (
            <p className="muted engagement-note">
              <Trans>{MASKED} : moins de 5 personnes (chiffre masqué pour protéger l'anonymat).</Trans>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function Cell({ text, masked }: { text: string; masked: boolean }) {
  const { t } = useLingui();
  if (!masked) return <td>{text}</td>;
  return (
    <td>
      <span aria-hidden="true">{MASKED}</span>
      <span className="sr-only">{t`masqué, moins de 5 personnes`}</span>
    </td>
  );
}
