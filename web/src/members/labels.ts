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

/** A saved filter as the segment list shows it. */
export interface FilterSummaryInput {
  categories?: readonly string[] | null;
  duesStatus?: readonly string[] | null;
  joinedWithinDays?: number | null;
  inactiveForDays?: number | null;
  duesEndingWithinDays?: number | null;
  skills?: readonly string[] | null;
  search?: string | null;
  includeDescendants?: boolean | null;
}

/** "Bénévole · Cotisation : Expirée ou Délai de grâce · arrivés depuis moins de 90 jours": who a segment holds. */
export function filterSummary(filter: FilterSummaryInput): string {
  const parts: string[] = [];
  if (filter.categories?.length) parts.push(filter.categories.map(categoryLabel).join(i18n._(msg` ou `)));
  if (filter.duesStatus?.length) {
    const statuses = filter.duesStatus.map(duesLabel).join(i18n._(msg` ou `));
    parts.push(i18n._(msg`cotisation : ${statuses}`));
  }
  if (filter.joinedWithinDays != null) {
    const days = filter.joinedWithinDays;
    parts.push(i18n._(msg`arrivés depuis moins de ${days} jours`));
  }
  if (filter.inactiveForDays != null) {
    const days = filter.inactiveForDays;
    parts.push(i18n._(msg`inactifs depuis ${days} jours ou plus`));
  }
  if (filter.duesEndingWithinDays != null) {
    const days = filter.duesEndingWithinDays;
    parts.push(i18n._(msg`cotisation finissant d'ici ${days} jours`));
  }
  if (filter.skills?.length) {
    const skills = filter.skills.join(', ');
    parts.push(i18n._(msg`compétences : ${skills}`));
  }
  if (filter.search) {
    const search = filter.search;
    parts.push(i18n._(msg`« ${search} »`));
  }
  if (filter.includeDescendants) parts.push(i18n._(msg`avec les organisations en dessous`));
  if (!parts.length) return i18n._(msg`Tous les membres`);
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The filter form's labels by field, so a refused filter says which field to correct. */
export function filterFieldLabels(): Record<string, string> {
  return {
    categories: i18n._(msg`Catégories`),
    duesStatus: i18n._(msg`Statut de cotisation`),
    joinedWithinDays: i18n._(msg`Arrivés depuis moins de (jours)`),
    inactiveForDays: i18n._(msg`Inactifs depuis au moins (jours)`),
    duesEndingWithinDays: i18n._(msg`Cotisation finissant d'ici (jours)`),
    skills: i18n._(msg`Compétences`),
    search: i18n._(msg`Nom ou adresse e-mail`),
  };
}
