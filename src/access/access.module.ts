import { Global, Module } from '@nestjs/common';
import { ContributionAccess } from './contribution-access.service';
import { ConversationAccess } from './conversation-access.service';
import { GroupAccess } from './group-access.service';
import { OrganizationAccess } from './organization-access.service';

/** The access policy: the one place that decides who may read or change what. */
@Global()
@Module({
  providers: [OrganizationAccess, GroupAccess, ConversationAccess, ContributionAccess],
  exports: [OrganizationAccess, GroupAccess, ConversationAccess, ContributionAccess],
})
export class AccessModule {}
