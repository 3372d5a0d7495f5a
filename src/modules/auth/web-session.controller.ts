import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/access-rules';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/app-error';
import { UnsupportedMediaTypeError } from '../../common/errors/http-error';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { validatePayload } from '../../common/validation/validate-payload';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { AcceptInvitationInput } from '../organizations/dto/organization.inputs';
import { InvitationsService } from '../organizations/invitations.service';
import { trustedPageOrigin } from '../../common/auth/origin-policy';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/auth.args';
import { ClientInfo, IssuedTokens, REFRESH_TOKEN_TTL_DAYS, SessionsService } from './sessions.service';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './web-session.cookie';

export interface WebSessionGrant {
  accessToken: string;
  /** The access token's expiry, ISO-8601. */
  expiresAt: string;
  userId: string;
}

/**
 * The web client's session, over plain HTTP: the refresh token travels only in an HttpOnly,
 * SameSite=Strict cookie scoped to /auth, so page scripts never hold it. Each endpoint takes JSON
 * only and checks `Origin` (defence in depth beside SameSite). Login and invitation go through the
 * same services, limits and rules as the GraphQL mutations.
 */
@Public()
@Controller('auth')
export class WebSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly limits: RateLimits,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown) {
    this.check(req, res);
    const { email, password } = await validatePayload(LoginArgs, body);
    return this.grant(req, res, await this.auth.login(email, password, clientInfo(req)));
  }

  @Post('invitation')
  @HttpCode(200)
  async invitation(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown) {
    this.check(req, res);
    // The same bucket and rule as the GraphQL mutation's (per IP; only failed guesses count).
    const key = `ip:${req.ip ?? 'unknown'}`;
    await this.limits.consume('acceptInvitation', key);
    try {
      const input = await validatePayload(AcceptInvitationInput, body);
      const granted = this.grant(req, res, await this.invitations.accept(input, clientInfo(req)));
      await this.limits.settle('acceptInvitation', key);
      return granted;
    } catch (err) {
      await this.limits.settle('acceptInvitation', key, err);
      throw err;
    }
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.check(req, res);
    const token = readRefreshCookie(req);
    try {
      if (!token) throw new UnauthenticatedError('No session');
      return this.grant(req, res, await this.sessions.rotate(token, clientInfo(req)));
    } catch (err) {
      clearRefreshCookie(req, res, this.config);
      throw err;
    }
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.check(req, res);
    const token = readRefreshCookie(req);
    if (token) await this.sessions.endByRefreshToken(token);
    clearRefreshCookie(req, res, this.config);
  }

  /** No caching anywhere, JSON only, and only from the app's own pages (or CORS_ORIGINS). */
  private check(req: Request, res: Response): void {
    res.setHeader('cache-control', 'no-store');
    if (!trustedPageOrigin(this.config, req.headers.origin, req))
      throw new ForbiddenError('ORIGIN_REFUSED', 'This endpoint answers the web client only (Origin refused)');
    if (!req.is('application/json')) throw new UnsupportedMediaTypeError();
  }

  private grant(req: Request, res: Response, tokens: IssuedTokens): WebSessionGrant {
    setRefreshCookie(req, res, tokens.refreshToken, REFRESH_TOKEN_TTL_DAYS * 24 * 3600, this.config);
    const claims = this.sessions.accessTokens.verify(tokens.accessToken);
    return {
      accessToken: tokens.accessToken,
      expiresAt: new Date((claims?.exp ?? 0) * 1000).toISOString(),
      userId: tokens.userId,
    };
  }
}

function clientInfo(req: Request): ClientInfo {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}
