import { randomBytes } from 'node:crypto';

/** "Ligue de Bretagne d'Échecs" → "ligue-de-bretagne-d-echecs". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return base || 'organisation';
}

/** A slug with a short random suffix, for when the plain one is taken. */
export function suffixedSlug(slug: string): string {
  return `${slug}-${randomBytes(3).toString('hex')}`;
}
