import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { AuthGuard } from './auth.guard';
import { LoginThrottle } from './login-throttle';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule],
  providers: [
    SessionsService,
    AuthService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    {
      provide: LoginThrottle,
      inject: [RUNTIME_CONFIG, RateLimits],
      useFactory: (config: RuntimeConfig, limits: RateLimits) =>
        new LoginThrottle(config.loginLimits, (name, points, duration) => limits.limiter(name, points, duration)),
    },
  ],
  exports: [SessionsService, AuthService, AuthResolver, LoginThrottle],
})
export class AuthModule {}
