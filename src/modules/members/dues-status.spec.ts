import { addDays, DuesPeriod, duesPaidUntil, duesStatus, DuesStatusValue, todayInParis } from './dues-status';

const YEAR_2026: DuesPeriod = { start: '2026-01-01', end: '2026-12-31' };

describe('duesStatus', () => {
  const cases: [string, DuesPeriod[], string, number, DuesStatusValue][] = [
    ['never paid', [], '2026-06-01', 30, 'NONE'],
    ['never paid, no grace', [], '2026-06-01', 0, 'NONE'],
    ['the day before the period starts (paid ahead)', [YEAR_2026], '2025-12-31', 30, 'UP_TO_DATE'],
    ['the first day of the period', [YEAR_2026], '2026-01-01', 30, 'UP_TO_DATE'],
    ['inside the period', [YEAR_2026], '2026-06-15', 30, 'UP_TO_DATE'],
    ['the last day of the period', [YEAR_2026], '2026-12-31', 30, 'UP_TO_DATE'],
    ['the day after the period ends', [YEAR_2026], '2027-01-01', 30, 'GRACE'],
    ['the last day of grace', [YEAR_2026], '2027-01-30', 30, 'GRACE'],
    ['the day after grace ends', [YEAR_2026], '2027-01-31', 30, 'LAPSED'],
    ['years later', [YEAR_2026], '2030-01-01', 30, 'LAPSED'],
    ['no grace: the day after the period', [YEAR_2026], '2027-01-01', 0, 'LAPSED'],
    ['grace of 1 day: its day', [YEAR_2026], '2027-01-01', 1, 'GRACE'],
    ['grace of 1 day: the day after', [YEAR_2026], '2027-01-02', 1, 'LAPSED'],
    [
      'two overlapping periods: the later end counts',
      [YEAR_2026, { start: '2026-06-01', end: '2027-05-31' }],
      '2027-03-01',
      30,
      'UP_TO_DATE',
    ],
    [
      'two overlapping periods, in any order: grace after the later end',
      [{ start: '2026-06-01', end: '2027-05-31' }, YEAR_2026],
      '2027-06-30',
      30,
      'GRACE',
    ],
    [
      'two periods with a gap, today in the gap before the renewal starts',
      [
        { start: '2025-01-01', end: '2025-12-31' },
        { start: '2026-03-01', end: '2027-02-28' },
      ],
      '2026-02-01',
      30,
      'UP_TO_DATE',
    ],
    [
      'an old period and a renewal, both over',
      [{ start: '2024-01-01', end: '2024-12-31' }, YEAR_2026],
      '2027-02-15',
      30,
      'LAPSED',
    ],
    ['a leap day: grace counts real days', [{ start: '2027-03-01', end: '2028-01-30' }], '2028-02-29', 30, 'GRACE'],
    ['a leap day: and ends on time', [{ start: '2027-03-01', end: '2028-01-30' }], '2028-03-01', 30, 'LAPSED'],
  ];

  it.each(cases)('%s', (_name, periods, today, graceDays, expected) => {
    expect(duesStatus(periods, today, graceDays)).toBe(expected);
  });

  it('paid until the latest end, null if never paid', () => {
    expect(duesPaidUntil([])).toBeNull();
    expect(duesPaidUntil([{ start: '2026-06-01', end: '2027-05-31' }, YEAR_2026])).toBe('2027-05-31');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it("takes today's date in Paris", () => {
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInParis(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});
