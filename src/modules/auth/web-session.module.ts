import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthModule } from './auth.module';
import { WebSessionController } from './web-session.controller';

/** The web client's cookie session (/auth/*): beside AuthModule because it also accepts invitations. */
@Module({
  imports: [AuthModule, OrganizationsModule],
  controllers: [WebSessionController],
})
export class WebSessionModule {}
