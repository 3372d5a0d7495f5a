import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_RULE, AccessRule } from '../../common/auth/access-rules';
import { Viewer } from '../../common/auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/app-error';
import { RequestContext } from '../../common/graphql/request-context';
import { createLogger } from '../../common/logging/logger';
import { SessionsService } from './sessions.service';

/**
 * The global guard. Every GraphQL root field and HTTP route must carry an access rule;
 * one without fails closed. `authenticated` needs a valid access token of a live session.
 * The viewer of an authenticated root field always comes from the request's Authorization
 * header (checked once per request), never from a `login`, `refreshToken` or `acceptInvitation`
 * run earlier in the same document: those only set the viewer for their own payload.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = createLogger(AuthGuard.name);
  private readonly fromHeader = new WeakMap<object, Promise<Viewer>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
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
    if (context.getType<string>() !== 'graphql') return false;
    const requestContext = GqlExecutionContext.create(context).getContext<RequestContext>();
    const { req } = requestContext;
    let viewer = this.fromHeader.get(req);
    if (!viewer) {
      viewer = this.authenticate(req.headers.authorization);
      this.fromHeader.set(req, viewer);
    }
    requestContext.viewer = await viewer;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Viewer> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthenticatedError();
    const claims = this.sessions.accessTokens.verify(match[1]);
    if (!claims) throw new UnauthenticatedError('Invalid or expired access token');
    if (!(await this.sessions.isLive(claims.sid, claims.sub)))
      throw new UnauthenticatedError('Session ended', 'SESSION_ENDED');
    return { id: claims.sub, sessionId: claims.sid };
  }
}
