import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import type { DuesStatus, MemberCategory } from '../gql/graphql';
import { CATEGORIES, categoryLabel, DUES_STATUSES, duesLabel } from './labels';
import type { FilterState } from './member-filter';

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

/** Whether a filter hidden under "Plus de filtres" is set (then it starts open). */
function moreSet(value: FilterState): boolean {
  return Boolean(
    value.joinedWithinDays ||
    value.inactiveForDays ||
    value.duesEndingWithinDays ||
    value.skills ||
    value.includeDescendants,
  );
}

/** The filters of the members table and of the segment builder: each change is applied at once. */
export function MemberFilterFields({
  value,
  onChange,
  hasBelow,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** A region or the federation: offers to include the organisations below. */
  hasBelow: boolean;
}) {
  const { t } = useLingui();
  const id = useId();
  // Decided once: a controlled `open` would close the panel under the person's fingers when they clear a field.
  const [startOpen] = useState(() => moreSet(value));
  const set = <K extends keyof FilterState>(key: K, next: FilterState[K]) => onChange({ ...value, [key]: next });
  return (
    <div className="members-filters">
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <Trans>Nom ou adresse e-mail</Trans>
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={value.search}
          onChange={(event) => set('search', event.target.value)}
        />
      </div>
      <fieldset className="members-choices">
        <legend>
          <Trans>Catégories</Trans>
        </legend>
        {CATEGORIES.map((category: MemberCategory) => (
          <label key={category} className="members-choice">
            <input
              type="checkbox"
              checked={value.categories.includes(category)}
              onChange={(event) => set('categories', toggle(value.categories, category, event.target.checked))}
            />
            {categoryLabel(category)}
          </label>
        ))}
      </fieldset>
      <fieldset className="members-choices">
        <legend>
          <Trans>Statut de cotisation</Trans>
        </legend>
        {DUES_STATUSES.map((status: DuesStatus) => (
          <label key={status} className="members-choice">
            <input
              type="checkbox"
              checked={value.duesStatus.includes(status)}
              onChange={(event) => set('duesStatus', toggle(value.duesStatus, status, event.target.checked))}
            />
            {duesLabel(status)}
          </label>
        ))}
      </fieldset>
      <details className="members-more" open={startOpen || undefined}>
        <summary>
          <Trans>Plus de filtres</Trans>
        </summary>
        <div className="members-numbers">
          <div className="field">
            <label htmlFor={`${id}-joined`}>
              <Trans>Arrivés depuis moins de (jours)</Trans>
            </label>
            <input
              id={`${id}-joined`}
              type="number"
              inputMode="numeric"
              min={0}
              max={36500}
              value={value.joinedWithinDays}
              onChange={(event) => set('joinedWithinDays', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-inactive`}>
              <Trans>Inactifs depuis au moins (jours)</Trans>
            </label>
            <input
              id={`${id}-inactive`}
              type="number"
              inputMode="numeric"
              min={1}
              max={36500}
              value={value.inactiveForDays}
              onChange={(event) => set('inactiveForDays', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ending`}>
              <Trans>Cotisation finissant d'ici (jours)</Trans>
            </label>
            <input
              id={`${id}-ending`}
              type="number"
              inputMode="numeric"
              min={0}
              max={3660}
              value={value.duesEndingWithinDays}
              onChange={(event) => set('duesEndingWithinDays', event.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-skills`}>
            <Trans>Compétences</Trans>
          </label>
          <input
            id={`${id}-skills`}
            aria-describedby={`${id}-skills-hint`}
            value={value.skills}
            onChange={(event) => set('skills', event.target.value)}
          />
          <p id={`${id}-skills-hint`} className="field-hint">
            {t`Séparées par des virgules ; un membre qui en a au moins une est retenu.`}
          </p>
        </div>
        {hasBelow ? (
          <label className="members-choice">
            <input
              type="checkbox"
              checked={value.includeDescendants}
              onChange={(event) => set('includeDescendants', event.target.checked)}
            />
            <Trans>Inclure les organisations en dessous</Trans>
          </label>
        ) : null}
      </details>
    </div>
  );
}
