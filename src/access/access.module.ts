import { Global, Module } from '@nestjs/common';
import { OrganizationAccess } from './organization-access.service';

/** The access policy: the one place that decides who may read or change what. */
@Global()
@Module({ providers: [OrganizationAccess], exports: [OrganizationAccess] })
export class AccessModule {}
