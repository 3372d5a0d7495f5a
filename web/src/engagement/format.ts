import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** The dash of a masked or missing figure. */
export const MASKED = '—';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? MASKED : integer.format(value);
}

export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? MASKED : percent.format(value);
}

/** Hours as people say them: "45 min", "10 h", "3,5 jours". */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined) return MASKED;
  if (value < 1) return i18n._(msg`${integer.format(Math.max(1, Math.round(value * 60)))} min`);
  if (value < 48) return i18n._(msg`${decimal.format(value)} h`);
  return i18n._(msg`${decimal.format(value / 24)} jours`);
}
