import { formatDate, formatDateTime, formatRelative } from './dates';

describe('dates, as people in France read them', () => {
  const now = new Date('2026-03-12T10:00:00Z'); // 11:00 in Paris

  it('shows dates and times in Europe/Paris, whatever the machine', () => {
    expect(formatDate('2026-03-12T23:30:00Z')).toBe('13 mars 2026');
    expect(formatDateTime('2026-07-01T12:05:00Z')).toBe('1 juillet 2026 à 14:05');
  });

  it('says how long ago, in French', () => {
    const ago = (ms: number) => formatRelative(new Date(now.getTime() - ms), now);
    expect(ago(10_000)).toBe('maintenant');
    expect(ago(5 * 60_000)).toBe('il y a 5 minutes');
    expect(ago(3 * 3600_000)).toBe('il y a 3 heures');
    expect(formatRelative('2026-03-11T21:00:00Z', now)).toBe('hier');
    expect(formatRelative('2026-03-10T08:00:00Z', now)).toBe('avant-hier');
    expect(formatRelative('2026-03-08T08:00:00Z', now)).toBe('il y a 4 jours');
    expect(formatRelative('2026-02-20T08:00:00Z', now)).toBe('20 février 2026');
  });

  it('counts days as calendar days in Paris', () => {
    // 23:30 in Paris the day before, seen at 01:30 the next morning: two hours, but "yesterday" is not said
    // before an hour has passed, and after that it is a different day in Paris.
    const lateNight = new Date('2026-03-11T22:30:00Z');
    expect(formatRelative(lateNight, new Date('2026-03-11T23:10:00Z'))).toBe('il y a 40 minutes');
    expect(formatRelative(lateNight, new Date('2026-03-12T00:30:00Z'))).toBe('hier');
  });
});
