import { SortKey } from './keyset';

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * "Every word appears in `expr`", case and accents ignored (maillage_fold, trigram-indexed):
 * appends one condition per word (at most 8) to `where`, with its parameter in `params`.
 */
export function addWordFilters(where: string[], params: unknown[], text: string | undefined, expr: string): void {
  for (const word of (text ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    params.push(likeContains(word));
    where.push(`maillage_fold(${expr}) LIKE maillage_fold($${params.length})`);
  }
}

/** Newest first by (created_at, id): the order of feeds, notifications, audit entries and conversations. */
export function newestFirst(alias: string, column = 'created_at'): { orderBy: SortKey[]; direction: 'DESC' } {
  return {
    orderBy: [
      { expr: `${alias}.${column}`, type: 'timestamptz' },
      { expr: `${alias}.id`, type: 'uuid' },
    ],
    direction: 'DESC',
  };
}
