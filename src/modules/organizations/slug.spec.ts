import { slugify, suffixedSlug } from './slug';

describe('slugify', () => {
  it.each([
    ["Ligue de Bretagne d'Échecs", 'ligue-de-bretagne-d-echecs'],
    ['  Ma fédération  ', 'ma-federation'],
    ['Association Sportive Saint-Étienne 42', 'association-sportive-saint-etienne-42'],
    ['!!!', 'organisation'],
  ])('%j → %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it('keeps slugs short and suffixes them distinctly', () => {
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(60);
    expect(suffixedSlug('club')).toMatch(/^club-[0-9a-f]{6}$/);
    expect(suffixedSlug('club')).not.toBe(suffixedSlug('club'));
  });
});
