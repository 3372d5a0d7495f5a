import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { GroupMembershipsService } from './group-memberships.service';
import { GroupJoinRequestResolver, GroupMembershipResolver, OrganizationFollowResolver } from './group-people.resolver';
import { GroupEntity } from './group.entity';
import { GroupMembershipEntity } from './group-membership.entity';
import { GroupsResolver } from './groups.resolver';
import { GroupsService } from './groups.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { GROUPS_PERSONAL_DATA } from './groups.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([GroupEntity, GroupMembershipEntity]), OrganizationsModule, UsersModule],
  providers: [
    GroupsService,
    GroupMembershipsService,
    GroupsResolver,
    GroupMembershipResolver,
    GroupJoinRequestResolver,
    OrganizationFollowResolver,
  ],
  exports: [GroupsService],
})
export class GroupsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(GROUPS_PERSONAL_DATA);
  }
}
