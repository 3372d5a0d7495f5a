import { Global, Module } from '@nestjs/common';
import { GroupAccess } from './group-access.service';
import { OrganizationAccess } from './organization-access.service';

/** The access policy: the one place that decides who may read or change what. */
@Global()
@Module({ providers: [OrganizationAccess, GroupAccess], exports: [OrganizationAccess, GroupAccess] })
export class AccessModule {}
