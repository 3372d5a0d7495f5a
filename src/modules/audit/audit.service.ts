import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { NotFoundError } from '../../common/errors/app-error';
import { Connection } from '../../common/pagination/connection';
import { newestFirst } from '../../common/pagination/filters';
import { keysetPage } from '../../common/pagination/keyset';

export const AUDIT_ACTIONS = [
  'invitation.created',
  'invitation.revoked',
  'member.role_changed',
  'member.removed',
  'user.deactivated',
  'user.reactivated',
  'post.deleted_by_moderator',
  'comment.deleted_by_moderator',
  'group.visibility_changed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  organizationIds: string[];
  actorId: string;
  action: AuditAction;
  targetType: 'invitation' | 'membership' | 'user' | 'post' | 'comment' | 'group';
  targetId: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  organization_id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/** Administrative actions, written in the same transaction as the action itself. */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly access: OrganizationAccess,
  ) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    for (const organizationId of new Set(entry.organizationIds)) {
      await manager.query(
        `INSERT INTO audit_log (organization_id, actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
        [organizationId, entry.actorId, entry.action, entry.targetType, entry.targetId, entry.details ?? {}],
      );
    }
  }

  /** The organisation's and its descendants' entries, newest first; for admins of it or of an ancestor. */
  async list(
    viewerId: string,
    organizationId: string,
    first: number,
    after?: string,
    filters: { action?: AuditAction; personId?: string } = {},
  ): Promise<Connection<AuditRow>> {
    const [found] = (await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) as unknown[];
    if (!found) throw new NotFoundError('Organization');
    await this.access.assertAdminister(viewerId, organizationId);
    const where = ['a.organization_id IN (SELECT id FROM organizations WHERE id = $1 OR $1 = ANY(ancestor_ids))'];
    const params: unknown[] = [organizationId];
    if (filters.action) {
      params.push(filters.action);
      where.push(`a.action = $${params.length}`);
    }
    if (filters.personId) {
      params.push(filters.personId);
      where.push(`(a.actor_id = $${params.length} OR a.target_id = $${params.length})`);
    }
    return keysetPage<AuditRow>(this.db.manager, {
      select:
        'SELECT a.id, a.organization_id, a.actor_id, a.action, a.target_type, a.target_id, a.details, a.created_at FROM audit_log a',
      where,
      params,
      ...newestFirst('a'),
      first,
      after,
    });
  }
}
