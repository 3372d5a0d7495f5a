import { Global, Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** Global, with no imports: every module that performs an administrative action records through it. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

/** The `auditLog` query and its fields. */
@Module({ imports: [UsersModule, OrganizationsModule], providers: [AuditResolver] })
export class AuditQueriesModule {}
