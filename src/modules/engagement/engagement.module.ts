import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UsersModule } from '../users/users.module';
import { ContributorScoreResolver, EngagementResolver } from './engagement.resolver';
import { EngagementService } from './engagement.service';

/** The engagement figures of an organisation: computed live in SQL, no table of its own. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity]), UsersModule],
  providers: [EngagementService, EngagementResolver, ContributorScoreResolver],
})
export class EngagementModule {}
