import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { normalizeEmail } from '../../common/validation/email';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords';
import { UserEntity } from '../users/user.entity';
import { directoryText } from '../users/users.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { Locks, lockForTransaction } from '../../infra/database/advisory-locks';
import { DomainEvents } from '../../common/events/domain-events';

export interface BootstrapRequest {
  federationName: string;
  adminEmail: string;
  adminPassword: string;
}

export type BootstrapOutcome =
  { created: false } | { created: true; federationId: string; adminEmail: string; generatedPassword?: string };

export const DEFAULT_BOOTSTRAP = { federationName: 'Ma fédération', adminEmail: 'admin@localhost' };

/** Creates the federation and its first admin when the database holds no organisation yet. Idempotent. */
@Injectable()
export class BootstrapService {
  constructor(
    private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly events: DomainEvents,
  ) {}

  /** With no request, creates "Ma fédération" and admin@localhost with a random password, returned once. */
  async ensureFederation(request?: BootstrapRequest): Promise<BootstrapOutcome> {
    const generatedPassword = request ? undefined : randomBytes(18).toString('base64url');
    const wanted = request ?? { ...DEFAULT_BOOTSTRAP, adminPassword: generatedPassword as string };
    assertPasswordPolicy(wanted.adminPassword, 'adminPassword');
    const passwordHash = await hashPassword(wanted.adminPassword);
    return this.db.transaction(async (manager) => {
      // Concurrent first starts of several instances queue here.
      await lockForTransaction(manager, Locks.bootstrap);
      const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM organizations')) as {
        count: number;
      }[];
      if (count > 0) return { created: false } as const;
      const federation = await this.organizations.createFederation(wanted.federationName.trim(), manager);
      const users = manager.getRepository(UserEntity);
      const email = normalizeEmail(wanted.adminEmail);
      let admin = await users.findOne({ where: { email } });
      if (!admin) {
        admin = users.create({ email, passwordHash, displayName: 'Administrateur', skills: [], interests: [] });
        admin.directoryText = directoryText(admin);
        admin = await users.save(admin);
        await this.events.publish(manager, { type: 'account.created', userId: admin.id });
      }
      await this.organizations.addMember(manager, federation.id, admin.id, 'ADMIN');
      return { created: true, federationId: federation.id, adminEmail: email, generatedPassword } as const;
    });
  }
}

/** The one time a password is printed: the generated admin password, on first start. */
export function adminBanner(email: string, password: string): string {
  const line = '='.repeat(72);
  return [
    '',
    line,
    '  Maillage: first start. A federation "Ma fédération" and its admin were created.',
    `  Admin login:    ${email}`,
    `  Admin password: ${password}`,
    '  This password is shown once and stored only as a hash. Change it after logging in.',
    line,
    '',
  ].join('\n');
}
