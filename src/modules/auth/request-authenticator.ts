import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Viewer } from '../../common/auth/viewer';
import { UnauthenticatedError } from '../../common/errors/app-error';
import { SessionsService } from './sessions.service';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Who sent an HTTP request, GraphQL or not: the bearer access token of its `Authorization`
 * header, verified once per request (every alias and route handler of that request shares the
 * answer). The one place where HTTP credentials are read: a cookie would be read here too.
 */
@Injectable()
export class RequestAuthenticator {
  private readonly viewers = new WeakMap<IncomingMessage, Promise<Viewer>>();

  constructor(private readonly sessions: SessionsService) {}

  /** The viewer of the request; UNAUTHENTICATED without a valid access token of a live session. */
  viewerOf(req: IncomingMessage): Promise<Viewer> {
    let viewer = this.viewers.get(req);
    if (!viewer) {
      viewer = this.authenticate(req.headers.authorization);
      this.viewers.set(req, viewer);
    }
    return viewer;
  }

  private async authenticate(header: string | undefined): Promise<Viewer> {
    const match = BEARER.exec(header ?? '');
    if (!match) throw new UnauthenticatedError();
    const verified = await this.sessions.verifyAccessToken(match[1]);
    if (!verified) {
      // A well-formed, unexpired token whose session is gone says "log in again", not "refresh".
      if (this.sessions.accessTokens.verify(match[1])) throw new UnauthenticatedError('Session ended', 'SESSION_ENDED');
      throw new UnauthenticatedError('Invalid or expired access token');
    }
    return { id: verified.id, sessionId: verified.sessionId };
  }
}
