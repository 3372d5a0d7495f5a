import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors/app-error';

const WINDOW_SECONDS = 15 * 60;

/**
 * Login attempts, limited per account and per IP. Each attempt reserves a point before the
 * password is checked, so the aliases of one request are counted one by one; a success gives
 * the points back.
 */
export class LoginThrottle {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  /** `limiter` builds a limiter shared through Redis when there is one (see RateLimits). */
  constructor(
    limits: { perAccount: number; perIp: number },
    limiter: (name: string, points: number, duration: number) => RateLimiterAbstract,
  ) {
    this.perAccount = limiter('login:account', limits.perAccount, WINDOW_SECONDS);
    this.perIp = limiter('login:ip', limits.perIp, WINDOW_SECONDS);
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
    // Best effort: a failure to give points back must never fail a correct login.
    await Promise.all([this.perAccount.delete(account), this.perIp.reward(ip, 1)]).catch(() => undefined);
  }
}
