import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, Public } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { toUserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AuthPayloadModel } from './auth-payload.model';
import { AuthService } from './auth.service';
import { LoginArgs, RefreshTokenArgs } from './dto/auth.args';
import { ClientInfo, IssuedTokens, SessionsService } from './sessions.service';

export function clientInfo(ctx: RequestContext): ClientInfo {
  return { ip: ctx.req.ip, userAgent: ctx.req.headers['user-agent'] };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Opens a session. Rate limited per account and per IP.' })
  async login(@Args() { email, password }: LoginArgs, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    return this.payload(await this.auth.login(email, password, clientInfo(ctx)), ctx);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Trades a refresh token for new tokens. The old refresh token stops working; reusing it ends the session.',
  })
  async refreshToken(
    @Args() { refreshToken }: RefreshTokenArgs,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayloadModel> {
    return this.payload(await this.sessions.rotate(refreshToken, clientInfo(ctx)), ctx);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends the current session and the one the refresh token belongs to.' })
  async logout(@CurrentViewer() viewer: Viewer, @Args() { refreshToken }: RefreshTokenArgs): Promise<boolean> {
    await this.sessions.logout(viewer.id, viewer.sessionId, refreshToken);
    return true;
  }

  /** The new session's user is the viewer of the rest of this response (so `user.email` resolves). */
  async payload(tokens: IssuedTokens, ctx: RequestContext): Promise<AuthPayloadModel> {
    ctx.viewer = { id: tokens.userId, sessionId: tokens.sessionId };
    const user = await this.users.getById(tokens.userId);
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: toUserModel(user) };
  }
}
