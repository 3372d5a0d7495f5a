import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../common/errors/app-error';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { enqueueSearchWork } from '../../infra/search/search-outbox';
import { AuditService } from '../audit/audit.service';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords';
import { assertFederationKeepsAnAdmin, lockFederations } from '../organizations/federation-admins';
import { eraseAccount } from './account-erasure';

const RETENTION_LOCK = 4_242_003;
const RETENTION_EVERY_MS = 6 * 3600 * 1000;

/** Account lifecycle and RGPD rights: password change, deactivation, export, erasure and retention. */
@Injectable()
export class PrivacyService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger(PrivacyService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly access: OrganizationAccess,
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.applyRetention().catch((err: unknown) => this.logger.error({ err }, 'retention failed')),
      RETENTION_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async checkPassword(userId: string, password: string): Promise<void> {
    const [user] = (await this.db.query('SELECT password_hash FROM users WHERE id = $1', [userId])) as {
      password_hash: string;
    }[];
    if (!user || !(await verifyPassword(user.password_hash, password)))
      throw new UnauthenticatedError('Wrong password');
  }

  /** Needs the current password; every other session of the person ends (their sockets too). */
  async changePassword(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    assertPasswordPolicy(newPassword, 'newPassword');
    await this.checkPassword(userId, currentPassword);
    const hash = await hashPassword(newPassword);
    const ended = await this.db.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, hash]);
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
      await enqueueSearchWork(manager, [{ kind: 'person', id: userId }]);
      await this.audit.record(manager, {
        organizationIds,
        actorId: viewerId,
        action: 'user.deactivated',
        targetType: 'user',
        targetId: userId,
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
      await enqueueSearchWork(manager, [{ kind: 'person', id: userId }]);
      await this.audit.record(manager, {
        organizationIds,
        actorId: viewerId,
        action: 'user.reactivated',
        targetType: 'user',
        targetId: userId,
      });
    });
  }

  /** The organisations the action is recorded in; NOT_FOUND for a stranger, FORBIDDEN for a partial admin. */
  private async assertAccountAuthority(viewerId: string, userId: string): Promise<string[]> {
    const [exists] = (await this.db.query('SELECT 1 FROM users WHERE id = $1', [userId])) as unknown[];
    const authority = exists ? await this.access.accountAuthority(viewerId, userId) : undefined;
    if (!authority || authority.decision === 'none') throw new NotFoundError('User');
    if (authority.decision === 'some') {
      throw new ForbiddenError(
        'Only an admin of every organisation this person belongs to (or of one above each) may do this',
      );
    }
    return authority.organizationIds;
  }

  /** Everything the service holds about the person (RGPD art. 15 and 20), and nothing about anyone else. */
  async exportMyData(userId: string): Promise<Record<string, unknown>> {
    const q = async (sql: string) => (await this.db.query(sql, [userId])) as Record<string, unknown>[];
    const [profile] = await q(
      `SELECT id, email, display_name, job_title, bio, skills, interests, avatar_url, phone, profile_visibility, created_at, updated_at
         FROM users WHERE id = $1`,
    );
    return {
      exportedAt: new Date().toISOString(),
      profile,
      organizationMemberships: await q(
        `SELECT o.id AS organization_id, o.name, m.role, m.created_at FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1`,
      ),
      groupMemberships: await q(
        `SELECT g.id AS group_id, g.name, m.role, m.created_at FROM group_memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1`,
      ),
      joinRequests: await q('SELECT group_id, created_at FROM group_join_requests WHERE user_id = $1'),
      follows: {
        groups: await q('SELECT group_id, created_at FROM group_follows WHERE user_id = $1'),
        organizations: await q('SELECT organization_id, created_at FROM organization_follows WHERE user_id = $1'),
      },
      posts: await q(
        'SELECT id, group_id, body, created_at, edited_at, deleted_at FROM posts WHERE author_id = $1 ORDER BY created_at',
      ),
      comments: await q(
        'SELECT id, post_id, body, created_at, deleted_at FROM comments WHERE author_id = $1 ORDER BY created_at',
      ),
      reactions: await q('SELECT post_id, created_at FROM reactions WHERE user_id = $1'),
      questions: await q(
        'SELECT id, group_id, title, body, tags, status, created_at FROM questions WHERE author_id = $1 ORDER BY created_at',
      ),
      answers: await q(
        'SELECT id, question_id, body, score, created_at FROM answers WHERE author_id = $1 ORDER BY created_at',
      ),
      votes: await q('SELECT answer_id, value, created_at FROM answer_votes WHERE user_id = $1'),
      messagesSent: await q(
        'SELECT id, conversation_id, body, client_id, created_at FROM messages WHERE sender_id = $1 ORDER BY created_at',
      ),
      conversations: await q(
        'SELECT conversation_id, joined_at, last_read_seq FROM conversation_participants WHERE user_id = $1',
      ),
      notifications: await q(
        'SELECT id, type, subject_id, text, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at',
      ),
      loginHistory: await q(
        'SELECT id AS session_id, created_at AS logged_in_at, last_used_at, ip, user_agent, revoked_at, revoked_reason FROM sessions WHERE user_id = $1 ORDER BY created_at',
      ),
    };
  }

  async deleteMyAccount(userId: string, password: string): Promise<void> {
    await this.checkPassword(userId, password);
    await this.db.transaction((manager) => eraseAccount(manager, userId));
    this.realtime.endSessions({ userId });
  }

  /**
   * Purges people whose last membership ended more than DATA_RETENTION_MONTHS ago, one instance at
   * a time, and records what it did in data_retention_runs. Runs every 6 hours, and on demand.
   */
  async applyRetention(): Promise<{ purged: number }> {
    const months = this.config.dataRetentionMonths;
    return this.db.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RETENTION_LOCK,
      ])) as { locked: boolean }[];
      if (!locked) return { purged: 0 };
      const due = (await manager.query(
        `SELECT id FROM users u
          WHERE u.memberships_ended_at < now() - make_interval(months => $1)
            AND NOT EXISTS (SELECT 1 FROM organization_memberships m WHERE m.user_id = u.id)`,
        [months],
      )) as { id: string }[];
      let purged = 0;
      for (const { id } of due) {
        await manager.query('SAVEPOINT erase');
        try {
          await eraseAccount(manager, id);
          await manager.query('RELEASE SAVEPOINT erase');
          purged++;
        } catch (err) {
          await manager.query('ROLLBACK TO SAVEPOINT erase');
          this.logger.warn({ err }, 'a retention erasure was skipped');
        }
      }
      await manager.query(
        'INSERT INTO data_retention_runs (retention_months, purged_count, details) VALUES ($1, $2, $3)',
        [months, purged, { due: due.length, skipped: due.length - purged }],
      );
      if (purged) this.logger.info({ purged, months }, 'retention purged former members');
      return { purged };
    });
  }
}
