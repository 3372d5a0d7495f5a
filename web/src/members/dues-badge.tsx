import { duesText } from './labels';

/** The dues status as a readable French badge ("À jour · payée jusqu'au 31 décembre 2026"). */
export function DuesBadge({ status, paidUntil }: { status?: string | null; paidUntil?: string | null }) {
  const tone = status ? status.toLowerCase() : 'none';
  return <span className={`members-badge members-badge-${tone}`}>{duesText(status, paidUntil)}</span>;
}
