import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { BadInputError, NotFoundError } from '../../common/errors/app-error';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { newestFirst } from '../../common/pagination/filters';
import { keysetPage } from '../../common/pagination/keyset';
import { enqueue } from '../../infra/jobs/enqueue';
import { AnnouncementReach, AnnouncementRow } from './announcement.model';
import { DeliverAnnouncementJob } from './announcement-delivery.service';
import { AnnouncementAudience } from './announcement-audience';
import { SendAnnouncementInput } from './dto/announcement.inputs';

const COLUMNS = `a.id, a.organization_id, a.segment_name, a.title, a.body, a.channels, a.require_acknowledgement, a.sent_at`;

/**
 * Announcements: sent by an organisation's admins to one of its segments. The audience is the
 * segment as it stands at that moment, written as recipient rows in the sending transaction (one
 * INSERT … SELECT); notifications and e-mails go out from a job, in batches, so a send to ten
 * thousand people returns at once. Reach is counted from the recipient rows.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly db: DataSource,
    private readonly organizations: OrganizationAccess,
    private readonly audience: AnnouncementAudience,
  ) {}

  async send(viewerId: string, input: SendAnnouncementInput): Promise<AnnouncementRow> {
    await this.organizations.assertAdminister(viewerId, input.organizationId);
    const channels = [...new Set(input.channels)];
    return this.db.transaction(async (manager) => {
      const [{ now }] = (await manager.query('SELECT now() AS now')) as { now: Date }[];
      const params: unknown[] = [null, now];
      const segment = await this.audience.segment(manager, input.organizationId, input.segmentId, params);
      if (!segment) throw new BadInputError({ segmentId: "is not one of this organisation's segments" });
      const [row] = (await manager.query(
        `INSERT INTO announcements (organization_id, segment_id, segment_name, author_id, title, body, channels, require_acknowledgement, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id, organization_id, segment_name, title, body, channels, require_acknowledgement, sent_at`,
        [
          input.organizationId,
          input.segmentId,
          segment.name,
          viewerId,
          input.title.trim(),
          input.body.trim(),
          channels,
          input.requireAcknowledgement,
          now,
        ],
      )) as AnnouncementRow[];
      params[0] = row.id;
      // The snapshot, in one statement: whoever joins the segment later does not receive this one.
      const [{ count }] = (await manager.query(
        `WITH added AS (
           INSERT INTO announcement_recipients (announcement_id, user_id, sent_at)
           SELECT $1::uuid, audience.user_id, $2::timestamptz FROM (${segment.sql}) AS audience
             JOIN users u ON u.id = audience.user_id AND u.deactivated_at IS NULL
           RETURNING 1)
         SELECT count(*)::int AS count FROM added`,
        params,
      )) as { count: number }[];
      if (count === 0)
        throw new BadInputError({ segmentId: 'nobody is in this segment today' }, 'ANNOUNCEMENT_AUDIENCE_EMPTY');
      await enqueue(manager, DeliverAnnouncementJob, { announcementId: row.id }, { key: row.id });
      return row;
    });
  }

  /** The announcement, for a recipient (opening it counts as read) or an admin of its organisation; NOT_FOUND otherwise. */
  async open(viewerId: string, id: string): Promise<AnnouncementRow> {
    const row = await this.find(viewerId, id);
    if (!row.is_recipient) return row;
    if (!row.read_at) {
      const [marked] = (await this.db.query(
        `UPDATE announcement_recipients SET read_at = now()
          WHERE announcement_id = $1 AND user_id = $2 AND read_at IS NULL RETURNING read_at`,
        [id, viewerId],
      )) as [{ read_at: Date }[], number];
      row.read_at = marked[0]?.read_at ?? new Date();
    }
    // Its notification is read too: the bell and the page agree.
    await this.db.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND type = 'ANNOUNCEMENT' AND subject_id = $2 AND read_at IS NULL`,
      [viewerId, id],
    );
    return row;
  }

  /** The recipient confirms they took note (which also counts as read). NOT_FOUND for anyone who did not receive it. */
  async acknowledge(viewerId: string, id: string): Promise<AnnouncementRow> {
    const row = await this.find(viewerId, id);
    if (!row.is_recipient) throw new NotFoundError('Announcement');
    await this.db.query(
      `UPDATE announcement_recipients
          SET acknowledged_at = coalesce(acknowledged_at, now()), read_at = coalesce(read_at, now())
        WHERE announcement_id = $1 AND user_id = $2`,
      [id, viewerId],
    );
    await this.db.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND type = 'ANNOUNCEMENT' AND subject_id = $2 AND read_at IS NULL`,
      [viewerId, id],
    );
    return this.find(viewerId, id);
  }

  private async find(viewerId: string, id: string): Promise<AnnouncementRow> {
    const [row] = (await this.db.query(
      `SELECT ${COLUMNS}, r.read_at, r.acknowledged_at, (r.user_id IS NOT NULL) AS is_recipient
         FROM announcements a
         LEFT JOIN announcement_recipients r ON r.announcement_id = a.id AND r.user_id = $2
        WHERE a.id = $1`,
      [id, viewerId],
    )) as AnnouncementRow[];
    if (!row) throw new NotFoundError('Announcement');
    if (!row.is_recipient && !(await this.organizations.canAdminister(viewerId, row.organization_id)))
      throw new NotFoundError('Announcement');
    return row;
  }

  /** An organisation's announcements, newest first: its admins only. */
  async list(viewerId: string, organizationId: string, first: number, after?: string) {
    await this.organizations.assertAdminister(viewerId, organizationId);
    return keysetPage<AnnouncementRow>(this.db.manager, {
      select: `SELECT ${COLUMNS}, r.read_at, r.acknowledged_at, (r.user_id IS NOT NULL) AS is_recipient
                 FROM announcements a
                 LEFT JOIN announcement_recipients r ON r.announcement_id = a.id AND r.user_id = $2`,
      where: ['a.organization_id = $1'],
      params: [organizationId, viewerId],
      ...newestFirst('a', 'sent_at'),
      first,
      after,
    });
  }

  /** What the viewer received, newest first. */
  async mine(viewerId: string, first: number, after?: string): Promise<Connection<AnnouncementRow>> {
    return keysetPage<AnnouncementRow>(this.db.manager, {
      select: `SELECT ${COLUMNS}, r.read_at, r.acknowledged_at, true AS is_recipient
                 FROM announcement_recipients r JOIN announcements a ON a.id = r.announcement_id`,
      where: ['r.user_id = $1'],
      params: [viewerId],
      orderBy: [
        { expr: 'r.sent_at', type: 'timestamptz' },
        { expr: 'r.announcement_id', type: 'uuid' },
      ],
      direction: 'DESC',
      first,
      after,
    });
  }

  /** Reach of each announcement, counted from its recipients: one query per request. */
  reach(loaders: RequestLoaders, id: string): Promise<AnnouncementReach> {
    return loaders
      .get<string, AnnouncementReach>('announcements.reach', async (ids) => {
        const rows = (await this.db.query(
          `SELECT announcement_id AS id, count(*)::int AS audience,
                  count(emailed_at)::int AS emailed, count(read_at)::int AS read,
                  count(acknowledged_at)::int AS acknowledged
             FROM announcement_recipients WHERE announcement_id = ANY($1::uuid[]) GROUP BY announcement_id`,
          [ids],
        )) as { id: string; audience: number; emailed: number; read: number; acknowledged: number }[];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((key) => {
          const row = byId.get(key);
          return {
            audienceCount: row?.audience ?? 0,
            emailedCount: row?.emailed ?? 0,
            readCount: row?.read ?? 0,
            acknowledgedCount: row?.acknowledged ?? 0,
          };
        });
      })
      .load(id);
  }
}
