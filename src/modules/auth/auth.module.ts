import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule],
  providers: [SessionsService, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionsService, AuthResolver],
})
export class AuthModule {}
