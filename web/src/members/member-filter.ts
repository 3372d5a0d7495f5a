import { useEffect, useState } from 'react';
import type { DuesStatus, MemberCategory, MemberFilter } from '../gql/graphql';

/** What the filter form holds: text as typed (numbers included), turned into a `MemberFilter` by `toMemberFilter`. */
export interface FilterState {
  categories: MemberCategory[];
  duesStatus: DuesStatus[];
  joinedWithinDays: string;
  inactiveForDays: string;
  duesEndingWithinDays: string;
  skills: string;
  search: string;
  includeDescendants: boolean;
}

export const EMPTY_FILTER: FilterState = {
  categories: [],
  duesStatus: [],
  joinedWithinDays: '',
  inactiveForDays: '',
  duesEndingWithinDays: '',
  skills: '',
  search: '',
  includeDescendants: false,
};

function days(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The API's filter: only what is set (an empty list or blank field filters nothing). */
export function toMemberFilter(state: FilterState): MemberFilter {
  const filter: MemberFilter = {};
  if (state.categories.length) filter.categories = state.categories;
  if (state.duesStatus.length) filter.duesStatus = state.duesStatus;
  const joined = days(state.joinedWithinDays);
  if (joined !== undefined) filter.joinedWithinDays = joined;
  const inactive = days(state.inactiveForDays);
  if (inactive !== undefined) filter.inactiveForDays = inactive;
  const ending = days(state.duesEndingWithinDays);
  if (ending !== undefined) filter.duesEndingWithinDays = ending;
  const skills = state.skills
    .split(',')
    .map((skill) => skill.trim())
    .filter(Boolean);
  if (skills.length) filter.skills = skills;
  const search = state.search.trim();
  if (search) filter.search = search;
  if (state.includeDescendants) filter.includeDescendants = true;
  return filter;
}

/** The value, once it has stopped changing for `delayMs` (typing in a field does not send a request per key). */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** A stable key for a filter (to refetch when, and only when, it changes). */
export function filterKey(filter: MemberFilter): string {
  return JSON.stringify(filter);
}

/** The form's state for a saved filter (a segment's), to open the members table on it. */
export function fromSavedFilter(saved: MemberFilter | null | undefined): FilterState {
  if (!saved) return EMPTY_FILTER;
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const categories = Array.isArray(saved.categories) ? saved.categories : saved.categories ? [saved.categories] : [];
  const duesStatus = Array.isArray(saved.duesStatus) ? saved.duesStatus : saved.duesStatus ? [saved.duesStatus] : [];
  const skills = Array.isArray(saved.skills) ? saved.skills : saved.skills ? [saved.skills] : [];
  return {
    categories,
    duesStatus,
    joinedWithinDays: text(saved.joinedWithinDays),
    inactiveForDays: text(saved.inactiveForDays),
    duesEndingWithinDays: text(saved.duesEndingWithinDays),
    skills: skills.join(', '),
    search: saved.search ?? '',
    includeDescendants: saved.includeDescendants === true,
  };
}

/** A filter in a link (`?filtre=…`), read back; anything unreadable is no filter. */
export function parseFilterParam(param: string | undefined): MemberFilter | undefined {
  if (!param) return undefined;
  try {
    const parsed: unknown = JSON.parse(param);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as MemberFilter) : undefined;
  } catch {
    return undefined;
  }
}
