import type { Client } from 'urql';
import type { MemberFilter } from '../gql/graphql';
import { ExportMembersQuery } from './members-api';
import { todayIso } from './money';

/** "Club nautique de Lorient" → "club-nautique-de-lorient" (accents dropped), for a file name. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'organisation';
}

export function exportFileName(organizationName: string, now: Date = new Date()): string {
  return `adherents-${slugify(organizationName)}-${todayIso(now)}.csv`;
}

/** Saves `text` as a file named `name` (a Blob behind a temporary link: the API answers with the text). */
export function saveTextFile(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The CSV of the members matching `filter` (`;`, BOM: what French Excel opens), downloaded. */
export async function downloadMembersCsv(
  client: Client,
  organization: { id: string; name: string },
  filter: MemberFilter,
): Promise<void> {
  const result = await client
    .query(ExportMembersQuery, { organizationId: organization.id, filter }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error) throw result.error;
  const csv = result.data?.exportMembers ?? '';
  // Excel needs the BOM to read UTF-8; the server adds it, but never twice.
  saveTextFile(csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`, exportFileName(organization.name));
}
