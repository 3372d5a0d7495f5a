import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { BadInputError, NotFoundError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { keysetPage } from '../../common/pagination/keyset';
import { EventEntity, RsvpStatusValue } from './event.entity';
import { EventAttendeeModel } from './event.model';

export interface RsvpCounts {
  going: number;
  waitlisted: number;
}

interface LockedEvent {
  id: string;
  group_id: string;
  title: string;
  capacity: number | null;
  ends_at: Date;
  cancelled_at: Date | null;
}

/**
 * Answers to events, with a waitlist. Every change takes the event's row lock
 * (`SELECT … FOR UPDATE`) first, in the transaction that writes the answer: concurrent answers to
 * one event run one after the other, so the count of GOING people is read and changed atomically
 * and never passes the capacity, and the waitlist order (`seq`, from one sequence) is the order in
 * which the lock was granted.
 */
@Injectable()
export class EventRsvps {
  constructor(
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** `going`: GOING while places are left, WAITLISTED after; false withdraws (the first waitlisted takes the place). */
  async answer(viewerId: string, eventId: string, going: boolean, now = new Date()): Promise<RsvpStatusValue> {
    return this.db.transaction(async (manager) => {
      const [event] = (await manager.query(
        'SELECT id, group_id, title, capacity, ends_at, cancelled_at FROM events WHERE id = $1 FOR UPDATE',
        [eventId],
      )) as LockedEvent[];
      if (!event) throw new NotFoundError('Event');
      // The caller checked the event readable; answering takes the right to react in its group.
      await this.access.assert(viewerId, event.group_id, 'react', manager);
      if (event.cancelled_at) throw new BadInputError({ eventId: 'the event was cancelled' }, 'EVENT_CANCELLED');
      if (event.ends_at.getTime() < now.getTime())
        throw new BadInputError({ eventId: 'the event is over' }, 'EVENT_PAST');
      const [current] = (await manager.query('SELECT status FROM event_rsvps WHERE event_id = $1 AND user_id = $2', [
        eventId,
        viewerId,
      ])) as { status: RsvpStatusValue }[];
      const was = current?.status ?? 'NOT_GOING';
      if (going) {
        if (was !== 'NOT_GOING') return was;
        const { going: taken } = await countsOf(manager, eventId);
        const status: RsvpStatusValue = event.capacity === null || taken < event.capacity ? 'GOING' : 'WAITLISTED';
        await manager.query(
          `INSERT INTO event_rsvps (event_id, user_id, status, responded_at) VALUES ($1, $2, $3, clock_timestamp())
           ON CONFLICT (event_id, user_id)
           DO UPDATE SET status = EXCLUDED.status, seq = nextval('event_rsvp_seq'), responded_at = clock_timestamp()`,
          [eventId, viewerId, status],
        );
        return status;
      }
      if (was === 'NOT_GOING') return was;
      await manager.query(
        `UPDATE event_rsvps SET status = 'NOT_GOING', responded_at = clock_timestamp() WHERE event_id = $1 AND user_id = $2`,
        [eventId, viewerId],
      );
      if (was === 'GOING') await this.promoteLocked(manager, event);
      return 'NOT_GOING';
    });
  }

  /** Fills free places from the waitlist, in order, and tells those promoted. Takes the event's lock. */
  async promote(manager: EntityManager, event: Pick<EventEntity, 'id'>): Promise<void> {
    const [locked] = (await manager.query(
      'SELECT id, group_id, title, capacity, ends_at, cancelled_at FROM events WHERE id = $1 FOR UPDATE',
      [event.id],
    )) as LockedEvent[];
    if (locked && !locked.cancelled_at) await this.promoteLocked(manager, locked);
  }

  private async promoteLocked(manager: EntityManager, event: LockedEvent): Promise<void> {
    const { going } = await countsOf(manager, event.id);
    const free = event.capacity === null ? null : Math.max(0, event.capacity - going);
    if (free === 0) return;
    const promoted = (await manager.query(
      // (A CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].)
      `WITH promoted AS (
         UPDATE event_rsvps SET status = 'GOING'
          WHERE event_id = $1 AND user_id IN (
            SELECT user_id FROM event_rsvps WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY seq LIMIT $2)
          RETURNING user_id)
       SELECT user_id FROM promoted`,
      [event.id, free],
    )) as { user_id: string }[];
    if (promoted.length === 0) return;
    await this.domainEvents.publish(manager, {
      type: 'event.promoted',
      eventId: event.id,
      groupId: event.group_id,
      title: event.title,
      userIds: promoted.map((row) => row.user_id),
    });
  }

  counts(loaders: RequestLoaders, eventId: string): Promise<RsvpCounts> {
    return loaders
      .get<string, RsvpCounts>('events.counts', async (ids) => {
        const rows = (await this.db.query(
          `SELECT event_id, count(*) FILTER (WHERE status = 'GOING')::int AS going,
                  count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
             FROM event_rsvps WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
          [ids],
        )) as { event_id: string; going: number; waitlisted: number }[];
        const found = new Map(rows.map((row) => [row.event_id, row]));
        return ids.map((id) => ({ going: found.get(id)?.going ?? 0, waitlisted: found.get(id)?.waitlisted ?? 0 }));
      })
      .load(eventId);
  }

  /** The viewer's answer and, when WAITLISTED, their place in the waitlist (from 1). */
  viewerRsvp(
    loaders: RequestLoaders,
    viewerId: string,
    eventId: string,
  ): Promise<{ status: RsvpStatusValue; position: number | null }> {
    return loaders
      .get<string, { status: RsvpStatusValue; position: number | null }>(`events.rsvp:${viewerId}`, async (ids) => {
        const rows = (await this.db.query(
          `SELECT r.event_id, r.status,
                  CASE WHEN r.status = 'WAITLISTED' THEN (
                    SELECT count(*)::int FROM event_rsvps w
                     WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED' AND w.seq <= r.seq) END AS position
             FROM event_rsvps r WHERE r.user_id = $1 AND r.event_id = ANY($2::uuid[])`,
          [viewerId, ids],
        )) as { event_id: string; status: RsvpStatusValue; position: number | null }[];
        const found = new Map(rows.map((row) => [row.event_id, row]));
        return ids.map((id) => ({
          status: found.get(id)?.status ?? 'NOT_GOING',
          position: found.get(id)?.position ?? null,
        }));
      })
      .load(eventId);
  }

  /** GOING people first, then the waitlist, each in answer order. */
  async attendees(eventId: string, first: number, after?: string): Promise<Connection<EventAttendeeModel>> {
    const page = await keysetPage<{ user_id: string; status: RsvpStatusValue; responded_at: Date; seq: string }>(
      this.db.manager,
      {
        select: 'SELECT r.user_id, r.status, r.responded_at, r.seq FROM event_rsvps r',
        where: ['r.event_id = $1', `r.status IN ('GOING', 'WAITLISTED')`],
        params: [eventId],
        orderBy: [
          { expr: `(r.status = 'WAITLISTED')::int`, type: 'int' },
          { expr: 'r.seq', type: 'bigint' },
        ],
        direction: 'ASC',
        first,
        after,
      },
    );
    const firstWaiting = page.edges.some((edge) => edge.node.status === 'WAITLISTED')
      ? await this.waitlistRank(eventId, page.edges.find((edge) => edge.node.status === 'WAITLISTED')!.node.seq)
      : 0;
    let rank = firstWaiting;
    const edges = page.edges.map((edge) => ({
      cursor: edge.cursor,
      node: {
        userId: edge.node.user_id,
        status: edge.node.status,
        respondedAt: edge.node.responded_at,
        position: edge.node.status === 'WAITLISTED' ? rank++ : null,
      },
    }));
    return Object.defineProperty({ edges, pageInfo: page.pageInfo }, 'totalCount', {
      get: () => page.totalCount,
      enumerable: false,
    });
  }

  private async waitlistRank(eventId: string, seq: string): Promise<number> {
    const [{ rank }] = (await this.db.query(
      `SELECT count(*)::int AS rank FROM event_rsvps WHERE event_id = $1 AND status = 'WAITLISTED' AND seq <= $2`,
      [eventId, seq],
    )) as { rank: number }[];
    return rank;
  }
}

async function countsOf(manager: EntityManager, eventId: string): Promise<RsvpCounts> {
  const [row] = (await manager.query(
    `SELECT count(*) FILTER (WHERE status = 'GOING')::int AS going,
            count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
       FROM event_rsvps WHERE event_id = $1`,
    [eventId],
  )) as RsvpCounts[];
  return row;
}
