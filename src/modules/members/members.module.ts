import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DuesPaymentEntity } from './dues-payment.entity';
import { DuesService } from './dues.service';
import { MemberAudience } from './member-filter.sql';
import { MemberImportEntity } from './member-import.entity';
import { MEMBERS_PERSONAL_DATA } from './members.personal-data';
import { MembersResolver, MembershipDuesResolver, OrganizationDuesResolver } from './members.resolver';
import { MembersService } from './members.service';
import { SegmentEntity } from './segment.entity';
import { SegmentsResolver } from './segments.resolver';
import { SegmentsService } from './segments.service';
import { MemberImportService } from './member-import.service';
import { MemberImportResolver } from './member-import.resolver';
import { InvitationAcceptedSubscriber } from './invitation-accepted.subscriber';

/** Association life (issue 14): categories, dues, member filters, segments, CSV import and export. */
@Module({
  imports: [TypeOrmModule.forFeature([DuesPaymentEntity, SegmentEntity, MemberImportEntity]), OrganizationsModule],
  providers: [
    MemberAudience,
    MembersService,
    DuesService,
    SegmentsService,
    MembersResolver,
    MembershipDuesResolver,
    OrganizationDuesResolver,
    SegmentsResolver,
    MemberImportService,
    MemberImportResolver,
    InvitationAcceptedSubscriber,
  ],
  exports: [MemberAudience, MembersService, DuesService],
})
export class MembersModule {
  constructor(personalData: PersonalData) {
    personalData.declare(MEMBERS_PERSONAL_DATA);
  }
}
