import { parseTags } from './tags';

describe('question tags typed in one field', () => {
  it('splits on commas, trims, drops empty ones, a leading # and repeats (ignoring case)', () => {
    expect(parseTags(' trésorerie, #Subventions ,, AG, subventions ')).toEqual(['trésorerie', 'Subventions', 'AG']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ')).toEqual([]);
  });
});
