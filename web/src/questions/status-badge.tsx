import { Trans } from '@lingui/react/macro';

/** `Résolue` once an answer is accepted, `Ouverte` otherwise (UI.md §3: tests and help pages rely on the words). */
export function StatusBadge({ status }: { status: 'OPEN' | 'ANSWERED' }) {
  return status === 'ANSWERED' ? (
    <span className="question-badge question-badge-answered">
      <Trans>Résolue</Trans>
    </span>
  ) : (
    <span className="question-badge question-badge-open">
      <Trans>Ouverte</Trans>
    </span>
  );
}

/** A question's tags, as written by the asker. */
export function TagList({ tags, label }: { tags: readonly string[]; label: string }) {
  if (!tags.length) return null;
  return (
    <ul className="question-tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
