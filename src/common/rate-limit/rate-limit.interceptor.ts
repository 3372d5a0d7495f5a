import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { catchError, concatMap, from, map, Observable, switchMap } from 'rxjs';
import { RequestContext } from '../graphql/request-context';
import { LimitName, RateLimits } from './rate-limits';

const RATE_LIMIT = 'maillage:rate-limit';

/** Limits a GraphQL operation per user (per IP when anonymous). Each alias of a request counts. */
export const RateLimit = (name: LimitName) => SetMetadata(RATE_LIMIT, name);

@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const name = this.reflector.get<LimitName | undefined>(RATE_LIMIT, context.getHandler());
    if (!name || context.getType<string>() !== 'graphql') return next.handle();
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    const key = ctx.viewer?.id ?? `ip:${ctx.req.ip ?? 'unknown'}`;
    // The point is taken before the operation runs (so parallel requests and aliases count one by
    // one), then settled by its outcome (limits that count only failures give it back on success).
    return from(this.limits.consume(name, key)).pipe(
      switchMap(() =>
        next.handle().pipe(
          concatMap((value) => from(this.limits.settle(name, key)).pipe(map(() => value))),
          catchError((err: unknown) =>
            from(this.limits.settle(name, key, err)).pipe(
              map(() => {
                throw err;
              }),
            ),
          ),
        ),
      ),
    );
  }
}
