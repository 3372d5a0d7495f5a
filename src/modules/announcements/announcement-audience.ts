import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MemberAudience } from '../members/member-filter.sql';

/** A segment as the sending transaction sees it: its name, and SQL selecting its people's user ids. */
export interface SegmentAudience {
  name: string;
  /** `SELECT DISTINCT m.user_id …`, its parameters pushed after the caller's own. */
  sql: string;
}

/**
 * Who is in a segment, asked of the CRM (segments are its saved member filters), as SQL for the
 * snapshot's `INSERT … SELECT`. Null when the segment is neither the organisation's nor one of an
 * organisation below it.
 */
@Injectable()
export class AnnouncementAudience {
  constructor(private readonly members: MemberAudience) {}

  async segment(
    manager: EntityManager,
    organizationId: string,
    segmentId: string,
    params: unknown[],
  ): Promise<SegmentAudience | null> {
    const [row] = (await manager.query(
      `SELECT s.name FROM segments s JOIN organizations o ON o.id = s.organization_id
        WHERE s.id = $1 AND (o.id = $2 OR $2 = ANY(o.ancestor_ids))`,
      [segmentId, organizationId],
    )) as { name: string }[];
    if (!row) return null;
    const { sql } = await this.members.segmentUserIdsSql(segmentId, params, { manager });
    return { name: row.name, sql };
  }
}
