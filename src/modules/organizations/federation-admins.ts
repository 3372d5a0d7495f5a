import { EntityManager } from 'typeorm';
import { ConflictError } from '../../common/errors/app-error';

/**
 * The federation always keeps an active admin: nothing else can appoint one. Refuses (CONFLICT)
 * when `userId` is, in one of the federations among `organizationIds` (all, when omitted), an
 * ADMIN with no other active ADMIN beside them. Call it in the transaction of the change, with
 * the federation's row locked (`lockFederations`), so two admins removing each other queue.
 */
export async function assertFederationKeepsAnAdmin(
  manager: EntityManager,
  userId: string,
  organizationIds?: string[],
): Promise<void> {
  const [last] = (await manager.query(
    `SELECT o.id FROM organizations o
       JOIN organization_memberships m ON m.organization_id = o.id AND m.user_id = $1 AND m.role = 'ADMIN'
      WHERE o.kind = 'FEDERATION' AND ($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM organization_memberships x JOIN users u ON u.id = x.user_id
                         WHERE x.organization_id = o.id AND x.role = 'ADMIN' AND x.user_id <> $1
                           AND u.deactivated_at IS NULL)`,
    [userId, organizationIds ?? null],
  )) as unknown[];
  if (last) throw new ConflictError('LAST_FEDERATION_ADMIN', 'The federation must keep at least one active admin');
}

/** Locks the federations' rows (in a stable order) for the rest of the transaction. */
export async function lockFederations(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT id FROM organizations WHERE kind = 'FEDERATION' ORDER BY id FOR UPDATE`);
}
