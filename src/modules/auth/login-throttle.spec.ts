import { RateLimiterMemory } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors/app-error';
import { accountWait, LoginThrottle, MAX_ACCOUNT_WAIT_SECONDS } from './login-throttle';

function throttle(known: string[] = []) {
  const limiters = new Map<string, RateLimiterMemory>();
  return new LoginThrottle(
    { perAccountAndIp: 3, perAccount: 5, perIp: 4 },
    (name, points, duration) => {
      const limiter = limiters.get(name) ?? new RateLimiterMemory({ keyPrefix: name, points, duration });
      limiters.set(name, limiter);
      return limiter;
    },
    async (account, ip) => known.includes(`${account}@${ip}`),
  );
}

const outcome = (p: Promise<boolean>) =>
  p
    .then((valid) => (valid ? 'ok' : 'wrong'))
    .catch((e: unknown) => (e instanceof RateLimitedError ? 'limited' : 'error'));

describe('LoginThrottle', () => {
  it('never checks more passwords than the (account, IP) limit, however many attempts run at once', async () => {
    const t = throttle();
    let checks = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => outcome(t.verify('lea', '10.0.0.1', async () => (checks++, false)))),
    );
    expect(checks).toBe(3);
    expect(results.filter((r) => r === 'limited')).toHaveLength(17);
  });

  it('hears the owner from a clean address while failing addresses wait; a success counts nothing', async () => {
    const t = throttle();
    for (const ip of ['1.1.1.1', '1.1.1.2'])
      for (let i = 0; i < 3; i++) await outcome(t.verify('lea', ip, async () => false));
    // 6 failures > 5: a failing address waits for its turn; a clean one is heard.
    expect(await outcome(t.verify('lea', '1.1.1.1', async () => true))).toBe('limited');
    expect(await outcome(t.verify('lea', '9.9.9.9', async () => true))).toBe('ok');
    for (let i = 0; i < 10; i++) expect(await outcome(t.verify('lea', '9.9.9.9', async () => true))).toBe('ok');
  });

  it('past the IP limit, lets an account in only from an address it used before', async () => {
    const t = throttle(['lea@7.7.7.7']);
    for (let i = 0; i < 4; i++) await outcome(t.verify(`x${i}`, '7.7.7.7', async () => false));
    expect(await outcome(t.verify('bob', '7.7.7.7', async () => true))).toBe('limited');
    expect(await outcome(t.verify('lea', '7.7.7.7', async () => true))).toBe('ok');
  });

  it('doubles the wait with each failure past the account limit, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5].map(accountWait)).toEqual([1, 2, 4, 8, 16]);
    expect(accountWait(11)).toBe(MAX_ACCOUNT_WAIT_SECONDS);
    expect(accountWait(500)).toBe(MAX_ACCOUNT_WAIT_SECONDS);
  });
});
