import { msg, plural } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';
import { i18n } from '@lingui/core';
import type { DuesStatus, MemberCategory } from '../gql/graphql';
import { formatDate } from '../lib/format/dates';

export const CATEGORIES = ['ADHERENT', 'BENEVOLE', 'SALARIE', 'ELU'] as MemberCategory[];
export const DUES_STATUSES = ['UP_TO_DATE', 'GRACE', 'LAPSED', 'NONE'] as DuesStatus[];

const categoryLabels: Record<string, MessageDescriptor> = {
  ADHERENT: msg`Adhérent`,
  BENEVOLE: msg`Bénévole`,
  SALARIE: msg`Salarié`,
  ELU: msg`Élu`,
};

const duesLabels: Record<string, MessageDescriptor> = {
  UP_TO_DATE: msg`À jour`,
  GRACE: msg`Délai de grâce`,
  LAPSED: msg`Expirée`,
  NONE: msg`Jamais payée`,
};

export function categoryLabel(category: MemberCategory | string): string {
  const label = categoryLabels[category];
  return label ? i18n._(label) : category;
}

export function categoriesText(categories: readonly (MemberCategory | string)[] | null | undefined): string {
  if (!categories || categories.length === 0) return i18n._(msg`Aucune catégorie`);
  return categories.map(categoryLabel).join(', ');
}

export function duesLabel(status: DuesStatus | string): string {
  const label = duesLabels[status];
  return label ? i18n._(label) : status;
}

/** "À jour · jusqu'au 31 décembre 2026": the status in words, with the date the dues were paid until. */
export function duesText(status: DuesStatus | string | null | undefined, paidUntil?: string | null): string {
  if (!status) return '—';
  if (!paidUntil || status === 'NONE') return duesLabel(status);
  const label = duesLabel(status);
  const until = formatDate(`${paidUntil}T12:00:00Z`);
  return i18n._(msg`${label} · payée jusqu'au ${until}`);
}

export function memberCountText(count: number): string {
  return plural(count, { one: '# membre', other: '# membres' });
}
