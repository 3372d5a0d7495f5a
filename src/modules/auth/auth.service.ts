import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '../../common/errors/app-error';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { ClientInfo, IssuedTokens, SessionsService } from './sessions.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * A wrong email, a wrong password and a deactivated account give the same error after the same
   * work (an argon2 verification against a decoy hash when the email is unknown).
   */
  async login(email: string, password: string, client: ClientInfo): Promise<IssuedTokens> {
    const account = email.trim().toLowerCase();
    let userId: string | undefined;
    const valid = await this.throttle.verify(account, client.ip ?? 'unknown', async () => {
      const user = await this.users.findByEmail(account);
      const matches = await verifyPassword(user?.passwordHash, password);
      userId = user && matches && !user.deactivatedAt ? user.id : undefined;
      return userId !== undefined;
    });
    if (!valid || !userId) throw new UnauthenticatedError('Invalid email or password', 'INVALID_CREDENTIALS');
    return this.sessions.open(userId, client);
  }
}
