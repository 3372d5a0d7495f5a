import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS, RedisConnections } from '../../infra/redis/redis.module';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RateLimitedError } from '../errors/app-error';

/** Named limits: points per window (seconds), per key (usually a user id). */
export const LIMITS = {
  'message:send': { points: 30, duration: 10 },
  typing: { points: 20, duration: 10 },
  // GraphQL operations, per user (per IP when anonymous).
  acceptInvitation: { points: 10, duration: 15 * 60 },
  inviteMember: { points: 100, duration: 60 * 60 },
  createPost: { points: 30, duration: 60 },
  askQuestion: { points: 10, duration: 60 },
  answerQuestion: { points: 30, duration: 60 },
  search: { points: 120, duration: 60 },
  sendMessage: { points: 30, duration: 10 },
  changePassword: { points: 5, duration: 15 * 60 },
  deleteMyAccount: { points: 5, duration: 15 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * Rate limiters shared across instances through Redis when REDIS_URL is set, in memory otherwise.
 * While Redis is away, an in-memory limiter takes over (insurance), so limits hold per instance.
 */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnections | null,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  limiter(name: string, points: number, duration: number): RateLimiterAbstract {
    const key = `${name}:${points}:${duration}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
      limiter = this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis.commands,
            keyPrefix: `rl:${name}`,
            points,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Takes a point; RATE_LIMITED (with retryAfter) when none is left. */
  async consume(name: LimitName, key: string): Promise<void> {
    const { points, duration } = LIMITS[name];
    const scaled = Math.max(1, Math.round(points * this.config.rateLimitScale));
    try {
      await this.limiter(name, scaled, duration).consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      throw err;
    }
  }
}
