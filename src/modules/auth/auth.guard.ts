import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { ACCESS_RULE, AccessRule } from '../../common/auth/access-rules';
import { setRequestViewer } from '../../common/auth/viewer';
import { ForbiddenError } from '../../common/errors/app-error';
import { RequestContext } from '../../common/graphql/request-context';
import { createLogger } from '../../common/logging/logger';
import { RequestAuthenticator } from './request-authenticator';

/**
 * The global guard. Every GraphQL root field and HTTP route must carry an access rule;
 * one without fails closed. `authenticated` needs a valid access token of a live session, on
 * GraphQL and on plain HTTP routes alike (`@CurrentViewer()` then gives the viewer to either).
 * The viewer of an authenticated root field always comes from the request's credentials,
 * never from a `login`, `refreshToken` or `acceptInvitation` run earlier in the same document:
 * those only set the viewer for their own payload.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = createLogger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        { handler: `${context.getClass().name}.${context.getHandler().name}` },
        'operation has no access rule',
      );
      throw new ForbiddenError('NO_ACCESS_RULE', 'This operation has no access rule');
    }
    if (rule === 'public') return true;
    const type = context.getType<string>();
    if (type === 'graphql') {
      const requestContext = GqlExecutionContext.create(context).getContext<RequestContext>();
      requestContext.viewer = await this.authenticator.viewerOf(requestContext.req);
      return true;
    }
    if (type === 'http') {
      const req = context.switchToHttp().getRequest<IncomingMessage>();
      setRequestViewer(req, await this.authenticator.viewerOf(req));
      return true;
    }
    return false;
  }
}
