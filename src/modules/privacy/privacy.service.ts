import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../common/errors/app-error';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { DomainEvents } from '../../common/events/domain-events';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { Locks, tryLockForTransaction } from '../../infra/database/advisory-locks';
import { jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords';
import { assertFederationKeepsAnAdmin, lockFederations } from '../organizations/federation-admins';
import { eraseAccount } from './account-erasure';

/** Purges former members' personal data: every 6 hours, on one instance at a time. */
export const RetentionJob = jobType<Record<string, never>>('privacy.retention');

/** Account lifecycle and RGPD rights: password change, deactivation, export, erasure and retention. */
@Injectable()
export class PrivacyService {
  private readonly logger = createLogger(PrivacyService.name);

  constructor(
    private readonly db: DataSource,
    private readonly access: OrganizationAccess,
    private readonly events: DomainEvents,
    private readonly personalData: PersonalData,
    private readonly realtime: RealtimePublisher,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    jobs: JobsService,
  ) {
    jobs.register({
      type: RetentionJob,
      schedule: { every: 6 * 3600 },
      exclusive: true,
      timeoutSeconds: 3600,
      handle: async (_job, manager) => {
        await this.applyRetention(manager);
      },
    });
  }

  private async checkPassword(userId: string, password: string): Promise<void> {
    const [user] = (await this.db.query('SELECT password_hash FROM users WHERE id = $1', [userId])) as {
      password_hash: string;
    }[];
    if (!user || !(await verifyPassword(user.password_hash, password)))
      throw new UnauthenticatedError('Wrong password', 'WRONG_PASSWORD');
  }

  /** Needs the current password; every other session of the person ends (their sockets too). */
  async changePassword(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    assertPasswordPolicy(newPassword, 'newPassword');
    await this.checkPassword(userId, currentPassword);
    const hash = await hashPassword(newPassword);
    const ended = await this.db.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, hash]);
      await this.events.publish(manager, { type: 'account.password_changed', userId, reset: false });
      return (await manager.query(
        `WITH ended AS (UPDATE sessions SET revoked_at = now(), revoked_reason = 'password change'
                         WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id)
         SELECT id FROM ended`,
        [userId, sessionId],
      )) as { id: string }[];
    });
    for (const session of ended) this.realtime.endSessions({ userId, sessionId: session.id });
  }

  /**
   * For people who administer every organisation the person belongs to (or one above each); never
   * the federation's last active admin. The account stops working everywhere at once.
   */
  async deactivateUser(viewerId: string, userId: string): Promise<void> {
    if (viewerId === userId) throw new BadInputError({ userId: 'you cannot deactivate yourself; use deleteMyAccount' });
    const organizationIds = await this.assertAccountAuthority(viewerId, userId);
    await this.db.transaction(async (manager) => {
      // Two admins deactivating each other at once queue here, and the second one finds the first gone.
      await lockFederations(manager);
      await assertFederationKeepsAnAdmin(manager, userId);
      await manager.query('UPDATE users SET deactivated_at = coalesce(deactivated_at, now()) WHERE id = $1', [userId]);
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = 'deactivated' WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      );
      await this.events.publish(manager, {
        type: 'user.deactivated',
        userId,
        actorId: viewerId,
        organizationIds,
      });
    });
    this.realtime.endSessions({ userId });
  }

  /** For the same people as deactivation: the person can log in again (their old sessions stay ended). */
  async reactivateUser(viewerId: string, userId: string): Promise<void> {
    const organizationIds = await this.assertAccountAuthority(viewerId, userId);
    await this.db.transaction(async (manager) => {
      const reactivated = (await manager.query(
        `WITH changed AS (UPDATE users SET deactivated_at = NULL WHERE id = $1 AND deactivated_at IS NOT NULL RETURNING id)
         SELECT id FROM changed`,
        [userId],
      )) as unknown[];
      if (reactivated.length === 0) return;
      await this.events.publish(manager, { type: 'user.reactivated', userId, actorId: viewerId, organizationIds });
    });
  }

  /** The organisations the action is recorded in; NOT_FOUND for a stranger, FORBIDDEN for a partial admin. */
  private async assertAccountAuthority(viewerId: string, userId: string): Promise<string[]> {
    const [exists] = (await this.db.query('SELECT 1 FROM users WHERE id = $1', [userId])) as unknown[];
    const authority = exists ? await this.access.accountAuthority(viewerId, userId) : undefined;
    if (!authority || authority.decision === 'none') throw new NotFoundError('User');
    if (authority.decision === 'some') {
      throw new ForbiddenError(
        'NOT_ACCOUNT_AUTHORITY',
        'Only an admin of every organisation this person belongs to (or of one above each) may do this',
      );
    }
    return authority.organizationIds;
  }

  /**
   * Everything the service holds about the person (RGPD art. 15 and 20), and nothing about anyone
   * else: what every module declared, read in one snapshot.
   */
  async exportMyData(userId: string): Promise<Record<string, unknown>> {
    const data = await this.db.transaction('REPEATABLE READ', (manager) => this.personalData.export(manager, userId));
    return { exportedAt: new Date().toISOString(), ...data };
  }

  async deleteMyAccount(userId: string, password: string): Promise<void> {
    await this.checkPassword(userId, password);
    await this.db.transaction((manager) => eraseAccount(manager, this.personalData, this.events, userId));
    this.realtime.endSessions({ userId });
  }

  /**
   * Purges people whose last membership ended more than DATA_RETENTION_MONTHS ago and records what
   * it did in data_retention_runs, in the caller's transaction (the job's, or the CLI's). Each
   * erasure is its own savepoint: one that fails is skipped and logged, the others stand.
   */
  async applyRetention(manager: EntityManager): Promise<{ purged: number }> {
    // The job runs on one instance at a time; this also keeps `cli retention` from running beside it.
    if (!(await tryLockForTransaction(manager, Locks.retention))) return { purged: 0 };
    const months = this.config.dataRetentionMonths;
    const due = (await manager.query(
      `SELECT id FROM users u
        WHERE u.memberships_ended_at < now() - make_interval(months => $1)
          AND NOT EXISTS (SELECT 1 FROM organization_memberships m WHERE m.user_id = u.id)`,
      [months],
    )) as { id: string }[];
    let purged = 0;
    for (const { id } of due) {
      try {
        await manager.transaction((savepoint) => eraseAccount(savepoint, this.personalData, this.events, id));
        purged++;
      } catch (err) {
        this.logger.warn({ err }, 'a retention erasure was skipped');
      }
    }
    await manager.query(
      'INSERT INTO data_retention_runs (retention_months, purged_count, details) VALUES ($1, $2, $3)',
      [months, purged, { due: due.length, skipped: due.length - purged }],
    );
    if (purged) this.logger.info({ purged, months }, 'retention purged former members');
    return { purged };
  }
}
