import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { DuesService } from './dues.service';
import { todayInParis } from './dues-status';

/**
 * What a member import noted on an invitation (categories, dues paid until a day) becomes the
 * membership's once the person accepts, in the acceptance's transaction.
 */
@Injectable()
export class InvitationAcceptedSubscriber {
  constructor(events: DomainEvents, dues: DuesService) {
    events.subscribe('invitation.accepted', async (event, { manager }) => {
      const [invitation] = (await manager.query(
        `SELECT categories, dues_paid_until::text AS paid_until, invited_by FROM invitations WHERE id = $1`,
        [event.invitationId],
      )) as { categories: string[]; paid_until: string | null; invited_by: string | null }[];
      if (!invitation) return;
      if (invitation.categories.length)
        await manager.query(
          `UPDATE organization_memberships
              SET categories = ARRAY(SELECT DISTINCT c FROM unnest(categories || $3::text[]) AS c ORDER BY c)
            WHERE organization_id = $1 AND user_id = $2`,
          [event.organizationId, event.userId, invitation.categories],
        );
      if (invitation.paid_until)
        await dues.extendPaidUntil(manager, {
          organizationId: event.organizationId,
          userId: event.userId,
          paidUntil: invitation.paid_until,
          today: todayInParis(),
          recordedBy: invitation.invited_by,
          reference: 'Import CSV',
        });
    });
  }
}
