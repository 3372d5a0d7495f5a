import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/access-rules';
import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { RequestPasswordResetArgs, ResetPasswordArgs } from './dto/password-reset.args';
import { PasswordResetService } from './password-reset.service';

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @RateLimit('requestPasswordReset')
  @Mutation(() => Boolean, {
    description:
      'E-mails a link to set a new password (`/reinitialiser/<token>`, valid one hour, single use). Always true, whether or not the address has an account. Rate limited per IP and per address.',
  })
  async requestPasswordReset(@Args() { email }: RequestPasswordResetArgs): Promise<boolean> {
    await this.resets.request(email);
    return true;
  }

  @Public()
  @RateLimit('resetPassword')
  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the token of a reset link, and ends every session of the account. An unknown, expired or used token is BAD_USER_INPUT on `token`.',
  })
  async resetPassword(@Args() { token, newPassword }: ResetPasswordArgs): Promise<boolean> {
    await this.resets.reset(token, newPassword);
    return true;
  }
}
