import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../lib/format/dates';
import { useReasonSentence } from './routing-reasons';
import './question-routing.css';

export interface RoutingEntry {
  routedAt: string;
  wave: number;
  reasons: readonly string[];
  declinedAt?: string | null;
  user: { id: string; displayName: string };
}

/**
 * On a question: its asker reads how many people were asked to answer it; its managers see who,
 * when and why (`routing` is null for everyone else).
 */
export function RoutingPanel({ count, routing }: { count: number; routing: readonly RoutingEntry[] | null }) {
  const { t } = useLingui();
  const reason = useReasonSentence('manager');
  if (count === 0 && !routing?.length) return null;
  const summary = plural(count, {
    one: '# personne compétente a été sollicitée',
    other: '# personnes compétentes ont été sollicitées',
  });
  if (!routing) {
    return <p className="routing-summary">{summary}</p>;
  }
  return (
    <section className="routing-panel" aria-labelledby="routing-title">
      <h2 id="routing-title">
        <Trans>Personnes sollicitées</Trans>
      </h2>
      <p className="routing-summary">{summary}</p>
      <ul className="routing-list" aria-label={t`Personnes sollicitées pour répondre`}>
        {routing.map((entry) => (
          <li key={entry.user.id}>
            <Link to="/personnes/$id" params={{ id: entry.user.id }}>
              {entry.user.displayName}
            </Link>{' '}
            <span className="routing-summary">
              {entry.wave === 1 ? (
                <Trans>le {formatDateTime(entry.routedAt)}</Trans>
              ) : (
                <Trans>le {formatDateTime(entry.routedAt)}, en relance</Trans>
              )}
              {entry.declinedAt ? <Trans> — « pas mon domaine »</Trans> : null}
            </span>
            {entry.reasons.length ? <span> : {entry.reasons.map(reason).join(' ; ')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
