import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { UsersModule } from '../users/users.module';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { AuthGuard } from './auth.guard';
import { LoginThrottle } from './login-throttle';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { RequestAuthenticator } from './request-authenticator';
import { SessionsService } from './sessions.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { AUTH_PERSONAL_DATA } from './auth.personal-data';
import { MailModule } from '../mail/mail.module';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordChangedSubscriber } from './password-changed.subscriber';
import { AUTH_RESET_PERSONAL_DATA } from './password-reset.personal-data';

@Module({
  imports: [UsersModule, MailModule, TypeOrmModule.forFeature([SessionEntity, RefreshTokenEntity])],
  providers: [
    SessionsService,
    AuthService,
    AuthResolver,
    RequestAuthenticator,
    PasswordResetService,
    PasswordResetResolver,
    PasswordChangedSubscriber,
    { provide: APP_GUARD, useClass: AuthGuard },
    {
      provide: LoginThrottle,
      inject: [RUNTIME_CONFIG, RateLimits, SessionsService],
      useFactory: (config: RuntimeConfig, limits: RateLimits, sessions: SessionsService) =>
        new LoginThrottle(
          config.loginLimits,
          (name, points, duration) => limits.limiter(name, points, duration),
          (account, ip) => sessions.usedAddress(account, ip),
        ),
    },
  ],
  exports: [SessionsService, AuthService, AuthResolver, LoginThrottle, RequestAuthenticator],
})
export class AuthModule {
  constructor(personalData: PersonalData) {
    personalData.declare(AUTH_PERSONAL_DATA);
    personalData.declare(AUTH_RESET_PERSONAL_DATA);
  }
}
