import { membersCsv, neutralise, parseCategories, parseDay, parseMembersCsv } from './member-csv';

describe('the members CSV', () => {
  it('reads `;` or `,`, a BOM, headers in any case and accents, French words and both date forms', () => {
    const parsed = parseMembersCsv(
      '\uFEFFE-mail;PRÉNOM;Nom;Catégories;Cotisation jusqu’au\r\nA@X.test;Zoé;Lainé;Bénévole|ELU;31/12/2026\r\n\r\nb@x.test;;;;2027-01-15\r\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, email: 'a@x.test', categories: ['BENEVOLE', 'ELU'], paidUntil: '2026-12-31' },
      { line: 4, email: 'b@x.test', categories: null, paidUntil: '2027-01-15' },
    ]);
    expect(parseMembersCsv('email,categories\nc@x.test,"adhérent, salarié"\n').rows[0].categories).toEqual([
      'ADHERENT',
      'SALARIE',
    ]);
  });

  it('reports each bad row with its line and column, and keeps the others', () => {
    const parsed = parseMembersCsv('email;categories\nnope;\nok@x.test;licorne\nok@x.test;\nok@x.test;\n');
    expect(parsed.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'email'],
      [3, 'categories'],
      [5, 'email'],
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([4]);
  });

  it('counts the lines of a quoted cell spanning several lines', () => {
    const parsed = parseMembersCsv('email;nom\na@x.test;"deux\nlignes"\nbad;x\n');
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 4, column: 'email' })]);
  });

  it('refuses a file without an email column, not UTF-8, or too long', () => {
    expect(() => parseMembersCsv('nom;prenom\nA;B\n')).toThrow(/email/);
    expect(() => parseMembersCsv(Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0x0a]))).toThrow(/UTF-8/);
    expect(() => parseMembersCsv(`email\n${'a@x.test\n'.repeat(10_001)}`)).toThrow(/10000 rows/);
  });

  it('parses categories and days strictly', () => {
    expect(parseCategories('élue, Adhérente')).toEqual({ categories: ['ADHERENT', 'ELU'] });
    expect(parseCategories('adherent|trésorier')).toEqual({ unknown: 'trésorier' });
    expect(parseDay('1/2/2026')).toBe('2026-02-01');
    expect(parseDay('29/02/2027')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
  });

  it('writes French Excel CSV that reads back the same, formulas neutralised', () => {
    const csv = membersCsv([
      {
        email: 'a@x.test',
        displayName: 'Éléonore de la Tour',
        categories: ['ADHERENT', 'BENEVOLE'],
        paidUntil: '2026-12-31',
      },
      { email: 'b@x.test', displayName: '=cmd|x', categories: [], paidUntil: null },
      { email: 'c@x.test', displayName: 'Anne "Nanou"; Roy', categories: ['ELU'], paidUntil: null },
    ]);
    expect(csv).toBe(
      '\uFEFFemail;prenom;nom;categories;cotisation_jusqu_au\r\n' +
        'a@x.test;Éléonore;de la Tour;adhérent|bénévole;31/12/2026\r\n' +
        "b@x.test;'=cmd|x;;;\r\n" +
        'c@x.test;Anne;"""Nanou""; Roy";élu;\r\n',
    );
    expect(parseMembersCsv(csv).rows).toEqual([
      { line: 2, email: 'a@x.test', categories: ['ADHERENT', 'BENEVOLE'], paidUntil: '2026-12-31' },
      { line: 3, email: 'b@x.test', categories: null, paidUntil: null },
      { line: 4, email: 'c@x.test', categories: ['ELU'], paidUntil: null },
    ]);
    expect(['=1', '+1', '-1', '@SUM', 'ok'].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@SUM", 'ok']);
  });
});
