import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';

/** A person's role in an organisation, as the directory and profiles say it. */
export const organizationRoleLabels: Record<string, MessageDescriptor> = {
  ADMIN: msg`Administration`,
  STAFF: msg`Équipe salariée`,
  MEMBER: msg`Membre`,
};

/** Up to two initials of a name, for the round badge that stands in for a picture. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => word[0] ?? '')
    .join('')
    .toLocaleUpperCase('fr-FR');
}
