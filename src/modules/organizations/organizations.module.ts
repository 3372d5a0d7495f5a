import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { InvitationEntity } from './invitation.entity';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { MembershipsResolver, UserMembershipsResolver } from './memberships.resolver';
import { OrganizationMembershipEntity } from './organization-membership.entity';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { ORGANIZATIONS_PERSONAL_DATA } from './organizations.personal-data';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrganizationEntity, OrganizationMembershipEntity, InvitationEntity]),
    UsersModule,
    AuthModule,
    MailModule,
  ],
  providers: [
    OrganizationsService,
    InvitationsService,
    OrganizationsResolver,
    MembershipsResolver,
    UserMembershipsResolver,
    InvitationsResolver,
  ],
  exports: [OrganizationsService, InvitationsService],
})
export class OrganizationsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(ORGANIZATIONS_PERSONAL_DATA);
  }
}
