import { centsToEuro, euroToCents, nextDay, yearEnd } from './money';

describe('euroToCents', () => {
  it.each([
    ['25', 2500],
    ['25,5', 2550],
    ['25,50 €', 2550],
    ['1 200,00', 120000],
    ['0,99', 99],
    ['12.3', 1230],
  ])('reads %s as %i cents', (text, cents) => expect(euroToCents(text)).toBe(cents));

  it.each(['', '-5', '2,555', 'douze', '1e3'])('refuses %s', (text) => expect(euroToCents(text)).toBeUndefined());
});

describe('yearEnd', () => {
  it('ends a yearly period the day before its anniversary', () => {
    expect(yearEnd('2026-01-01')).toBe('2026-12-31');
    expect(yearEnd('2024-03-01')).toBe('2025-02-28');
  });
});

describe('nextDay and centsToEuro', () => {
  it('crosses months and years', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('writes euros the French way', () => expect(centsToEuro(2550).replace(/\s/g, ' ')).toBe('25,50 €'));
});
