import { jobType, retryDelaySeconds } from './job-types';

describe('retry delays', () => {
  const policy = { attempts: 10, baseSeconds: 2, maxSeconds: 60 };

  it('doubles from the base after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => retryDelaySeconds(attempt, policy, 0))).toEqual([
      2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });

  it('takes off at most half of the delay at random, so instances that failed together spread out', () => {
    expect(retryDelaySeconds(3, policy, 0.999)).toBeCloseTo(4, 1);
    expect(retryDelaySeconds(3, policy, 0.5)).toBe(6);
    expect(retryDelaySeconds(40, policy, 0.5)).toBe(45);
  });
});

describe('job names', () => {
  it('are "module.job" in lower case', () => {
    expect(jobType('search.index').name).toBe('search.index');
    expect(jobType('mail.send-invitation').name).toBe('mail.send-invitation');
    for (const bad of ['index', 'Search.index', 'search index', 'search.']) expect(() => jobType(bad)).toThrow();
  });
});
