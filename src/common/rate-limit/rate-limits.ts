import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS, RedisConnections } from '../../infra/redis/redis.module';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { AppError, RateLimitedError } from '../errors/app-error';

interface Limit {
  /** Points per window, per key (usually a person; the IP when anonymous). */
  points: number;
  /** The window, in seconds. */
  duration: number;
  /**
   * Where only failed guesses matter (a wrong password, an unknown token), successes and plain
   * input mistakes give their point back: a room of people joining at once is never locked out.
   * A failed guess is UNAUTHENTICATED, or BAD_USER_INPUT naming one of these fields.
   */
  failuresOnly?: { guessedFields: readonly string[] };
}

/** Named limits (see the README's security section for the list as people see it). */
export const LIMITS = {
  // One budget for sending messages, shared by `message:send` (socket) and `sendMessage` (GraphQL).
  sendMessage: { points: 30, duration: 10 },
  typing: { points: 20, duration: 10 },
  // GraphQL operations, per user (per IP when anonymous).
  acceptInvitation: { points: 10, duration: 15 * 60, failuresOnly: { guessedFields: ['token'] } },
  inviteMember: { points: 100, duration: 60 * 60 },
  createPost: { points: 30, duration: 60 },
  askQuestion: { points: 10, duration: 60 },
  answerQuestion: { points: 30, duration: 60 },
  search: { points: 120, duration: 60 },
  changePassword: { points: 5, duration: 15 * 60, failuresOnly: { guessedFields: ['currentPassword'] } },
  deleteMyAccount: { points: 5, duration: 15 * 60, failuresOnly: { guessedFields: ['password'] } },
  // Password reset: per IP (the decorator), and per address (each request e-mails it).
  requestPasswordReset: { points: 20, duration: 60 * 60 },
  passwordResetPerEmail: { points: 5, duration: 60 * 60 },
  resetPassword: { points: 10, duration: 15 * 60, failuresOnly: { guessedFields: ['token'] } },
  resendInvitation: { points: 100, duration: 60 * 60 },
} as const satisfies Record<string, Limit>;

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

  private named(name: LimitName): RateLimiterAbstract {
    const { points, duration } = LIMITS[name];
    return this.limiter(name, Math.max(1, Math.round(points * this.config.rateLimitScale)), duration);
  }

  /** Takes a point; RATE_LIMITED (with retryAfter) when none is left. */
  async consume(name: LimitName, key: string): Promise<void> {
    try {
      await this.named(name).consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      throw err;
    }
  }

  /**
   * After the operation: a limit that counts only failed guesses gives the point back unless
   * `error` is one. Best effort: a refund that fails never fails the operation.
   */
  async settle(name: LimitName, key: string, error?: unknown): Promise<void> {
    const limit: Limit = LIMITS[name];
    if (!limit.failuresOnly || (error !== undefined && isFailedGuess(error, limit.failuresOnly.guessedFields))) return;
    await this.named(name)
      .reward(key, 1)
      .catch(() => undefined);
  }
}

function isFailedGuess(error: unknown, guessedFields: readonly string[]): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'UNAUTHENTICATED') return true;
  return error.code === 'BAD_USER_INPUT' && (error.details.fields ?? []).some((f) => guessedFields.includes(f));
}
