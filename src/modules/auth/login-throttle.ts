import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors/app-error';

const PAIR_WINDOW_SECONDS = 15 * 60;
const IP_WINDOW_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 24 * 3600;
/** The longest wait an account under attack imposes on the addresses that keep failing. */
export const MAX_ACCOUNT_WAIT_SECONDS = 15 * 60;

export interface LoginLimits {
  /** Failures from one IP on one account (15 min) before that IP is refused for that account. */
  perAccountAndIp: number;
  /** Failures on one account from anywhere (24 h) before failing addresses must wait, longer each time. */
  perAccount: number;
  /** Failures from one IP on any account (15 min) before it may only log into accounts that used it before. */
  perIp: number;
}

type LimiterFactory = (name: string, points: number, duration: number) => RateLimiterAbstract;

/** Has this account logged in from this IP lately? (Its known addresses, like a device cookie.) */
export type KnownAddress = (account: string, ip: string) => Promise<boolean>;

/**
 * Password checks (login, and an invitation to an existing account), limited the way OWASP's
 * authentication guidance describes, so that nobody can lock someone else out:
 *
 * - per (account, IP), tightly: an address that keeps failing on an account is refused for it;
 * - per account, loosely, with growing delays rather than a lock: past `perAccount` failures,
 *   an address that has already failed on the account gets one try per wait, the wait doubling
 *   with each failure (1 s, 2 s, 4 s… up to 15 min), while an address that has not been failing
 *   is still heard: the owner's correct password gets through an attack run from elsewhere;
 * - per IP, for password spraying: past `perIp` failures, the IP may still log into accounts
 *   that logged in from it before (a club's wifi keeps working for its members).
 *
 * Each attempt takes its (account, IP) and IP points before the password is checked, so parallel
 * requests and the aliases of one document count one by one; a success or a refusal gives them
 * back: what counts is wrong passwords, never a correct one.
 */
export class LoginThrottle {
  private readonly pairs: RateLimiterAbstract;
  private readonly ips: RateLimiterAbstract;
  private readonly accountFailures: RateLimiterAbstract;
  /** One attempt at a time from failing addresses of an account under attack; blocked for the wait. */
  private readonly accountTurns: RateLimiterAbstract;

  constructor(
    private readonly limits: LoginLimits,
    limiter: LimiterFactory,
    private readonly knownAddress: KnownAddress,
  ) {
    this.pairs = limiter('login:account-ip', limits.perAccountAndIp, PAIR_WINDOW_SECONDS);
    this.ips = limiter('login:ip', limits.perIp, IP_WINDOW_SECONDS);
    this.accountFailures = limiter('login:account', limits.perAccount, ACCOUNT_WINDOW_SECONDS);
    this.accountTurns = limiter('login:account-turn', 1, 1);
  }

  /**
   * Runs `check` (a password verification) if the limits let this attempt through, and records
   * its outcome. Resolves what `check` answered; RATE_LIMITED (with retryAfter) when refused.
   */
  async verify(account: string, ip: string, check: () => Promise<boolean>): Promise<boolean> {
    // The IP first: an IP cannot contain '/', so the key is unambiguous whatever the address holds.
    const pair = `${ip}/${account}`;
    const [fromPair, fromIp] = await Promise.all([take(this.pairs, pair), take(this.ips, ip)]);
    try {
      if (fromPair.consumedPoints > this.limits.perAccountAndIp) throw refusal(fromPair);
      if (fromIp.consumedPoints > this.limits.perIp && !(await this.knownAddress(account, ip))) throw refusal(fromIp);
      // The first attempt of this address on this account (in the window) is always heard.
      if (fromPair.consumedPoints > 1) await this.waitTurn(account);
    } catch (err) {
      // Only checked passwords count: a refused attempt gives its points back.
      await Promise.all([this.pairs.reward(pair, 1), this.ips.reward(ip, 1)]).catch(() => undefined);
      throw err;
    }

    const valid = await check();
    if (valid) {
      // Best effort: a failure to give points back must never fail a correct login.
      await Promise.all([this.pairs.delete(pair), this.ips.reward(ip, 1)]).catch(() => undefined);
      return true;
    }
    const failures = await this.accountFailures.penalty(account, 1);
    const beyond = failures.consumedPoints - this.limits.perAccount;
    if (beyond > 0) await this.accountTurns.block(account, accountWait(beyond));
    return false;
  }

  /** On an account past its failures, a failing address waits for its turn. */
  private async waitTurn(account: string): Promise<void> {
    const failures = await this.accountFailures.get(account);
    if ((failures?.consumedPoints ?? 0) < this.limits.perAccount) return;
    try {
      await this.accountTurns.consume(account);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw refusal(err);
      throw err;
    }
  }
}

/** The wait after the n-th failure beyond the limit: 1 s, 2 s, 4 s… capped. */
export function accountWait(beyond: number): number {
  return Math.min(2 ** Math.min(beyond - 1, 20), MAX_ACCOUNT_WAIT_SECONDS);
}

/** Takes a point; the count either way (a refusal still counts the attempt). */
async function take(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    throw err;
  }
}

function refusal(res: RateLimiterRes): RateLimitedError {
  return new RateLimitedError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
}
