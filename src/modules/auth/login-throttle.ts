import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors/app-error';

const WINDOW_SECONDS = 15 * 60;

/**
 * Login attempts, limited per account and per IP. Each attempt reserves a point before the
 * password is checked, so the aliases of one request are counted one by one; a success gives
 * the points back.
 */
export class LoginThrottle {
  private readonly perAccount: RateLimiterMemory;
  private readonly perIp: RateLimiterMemory;

  constructor(limits: { perAccount: number; perIp: number }) {
    this.perAccount = new RateLimiterMemory({
      keyPrefix: 'login:account',
      points: limits.perAccount,
      duration: WINDOW_SECONDS,
    });
    this.perIp = new RateLimiterMemory({ keyPrefix: 'login:ip', points: limits.perIp, duration: WINDOW_SECONDS });
  }

  async reserve(account: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([this.perAccount.consume(account), this.perIp.consume(ip)]);
    for (const result of results) {
      if (result.status === 'rejected') {
        if (result.reason instanceof RateLimiterRes)
          throw new RateLimitedError(Math.ceil(result.reason.msBeforeNext / 1000));
        throw result.reason;
      }
    }
  }

  async succeeded(account: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.delete(account), this.perIp.reward(ip, 1)]);
  }
}
