import { Global, Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { AuditResolver } from './audit.resolver';
import { AuditEventsSubscriber } from './audit-events.subscriber';
import { AuditService } from './audit.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { AUDIT_PERSONAL_DATA } from './audit.personal-data';

/** The audit log: it records administrative actions from their domain events. */
@Global()
@Module({ providers: [AuditService, AuditEventsSubscriber], exports: [AuditService] })
export class AuditModule {
  constructor(personalData: PersonalData) {
    personalData.declare(AUDIT_PERSONAL_DATA);
  }
}

/** The `auditLog` query and its fields. */
@Module({ imports: [UsersModule, OrganizationsModule], providers: [AuditResolver] })
export class AuditQueriesModule {}
