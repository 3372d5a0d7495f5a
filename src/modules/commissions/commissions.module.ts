import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { GroupsModule } from '../groups/groups.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PostsModule } from '../posts/posts.module';
import { CommissionEntity, CommissionPublicationEntity } from './commission.entity';
import { CommissionPublicationsService } from './commission-publications.service';
import { COMMISSIONS_PERSONAL_DATA } from './commissions.personal-data';
import { CommissionsResolver, GroupCommissionResolver, PostPublicationResolver } from './commissions.resolver';
import { CommissionsService } from './commissions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CommissionEntity, CommissionPublicationEntity]),
    GroupsModule,
    OrganizationsModule,
    PostsModule,
  ],
  providers: [
    CommissionsService,
    CommissionPublicationsService,
    CommissionsResolver,
    GroupCommissionResolver,
    PostPublicationResolver,
  ],
  exports: [CommissionsService],
})
export class CommissionsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(COMMISSIONS_PERSONAL_DATA);
  }
}
