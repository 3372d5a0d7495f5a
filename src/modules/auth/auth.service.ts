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
    const ip = client.ip ?? 'unknown';
    await this.throttle.reserve(account, ip);
    const user = await this.users.findByEmail(account);
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || user.deactivatedAt)
      throw new UnauthenticatedError('Invalid email or password', 'INVALID_CREDENTIALS');
    await this.throttle.succeeded(account, ip);
    return this.sessions.open(user.id, client);
  }
}
