import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ContributionAccess } from '../../access/contribution-access.service';
import { GroupAccess } from '../../access/group-access.service';
import { GroupStanding, mayReadContent } from '../../access/group-policy';
import { BadInputError, NotFoundError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { byKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { hydrate, keysetPage, SortKey } from '../../common/pagination/keyset';
import { CreateEventInput, EventsArgs, UpdateEventInput } from './dto/event.inputs';
import { EventEntity } from './event.entity';
import { EventRsvps } from './event-rsvps';

/** Soonest first, ties by id: the order of every list of events. */
const SOONEST: { orderBy: SortKey[]; direction: 'ASC' } = {
  orderBy: [
    { expr: 'e.starts_at', type: 'timestamptz' },
    { expr: 'e.id', type: 'uuid' },
  ],
  direction: 'ASC',
};

/**
 * The groups whose events are the viewer's own ("Mes événements", the calendar feed): groups they
 * belong to or follow, groups of organisations they follow, and any event they answered GOING or
 * WAITLISTED; always among what they may read now. `$1` is the viewer.
 */
export function viewerEventsSql(readable: string): string {
  return `(e.group_id IN (SELECT group_id FROM group_memberships WHERE user_id = $1
                           UNION SELECT group_id FROM group_follows WHERE user_id = $1
                           UNION SELECT og.id FROM organization_follows f JOIN groups og ON og.organization_id = f.organization_id
                                  WHERE f.user_id = $1)
           OR EXISTS (SELECT 1 FROM event_rsvps r WHERE r.event_id = e.id AND r.user_id = $1
                       AND r.status IN ('GOING', 'WAITLISTED')))
          AND EXISTS (SELECT 1 FROM groups g WHERE g.id = e.group_id AND ${readable})`;
}

/** Events in groups, under their group's access policy (like posts and questions). */
@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    private readonly contributions: ContributionAccess,
    private readonly domainEvents: DomainEvents,
    private readonly rsvps: EventRsvps,
  ) {}

  /** The event when the viewer may read its group's content; NOT_FOUND otherwise, as if it did not exist. */
  async readable(
    viewerId: string,
    eventId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ event: EventEntity; standing: GroupStanding }> {
    const event = await manager.findOne(EventEntity, { where: { id: eventId } });
    if (!event) throw new NotFoundError('Event');
    const standing = (await this.access.standings(viewerId, [event.groupId], manager)).get(event.groupId);
    if (!standing || !mayReadContent(standing)) throw new NotFoundError('Event');
    return { event, standing };
  }

  /** Batched and access-checked: null when missing or unreadable. */
  async loadReadable(loaders: RequestLoaders, viewerId: string, id: string): Promise<EventEntity | null> {
    const event = await loaders
      .get<string, EventEntity | null>('events.byId', async (ids) =>
        byKey(ids, await this.events.findBy({ id: In([...ids]) }), (e) => e.id),
      )
      .load(id);
    if (!event) return null;
    const standing = await this.access.standing(loaders, viewerId, event.groupId);
    return standing && mayReadContent(standing) ? event : null;
  }

  /** The readable events among `ids`, in that order (for search results). */
  async readableAmong(viewerId: string, ids: string[]): Promise<EventEntity[]> {
    const found = await this.events.findBy({ id: In(ids) });
    const readable = await this.access.readableGroups(viewerId, [...new Set(found.map((e) => e.groupId))]);
    return byKey(
      ids,
      found.filter((e) => readable.has(e.groupId)),
      (e) => e.id,
    ).filter((e): e is EventEntity => e !== null);
  }

  async create(viewerId: string, input: CreateEventInput): Promise<EventEntity> {
    await this.access.assert(viewerId, input.groupId, 'post');
    checkTimes(input.startsAt, input.endsAt);
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(EventEntity);
      const event = await repository.save(
        repository.create({
          groupId: input.groupId,
          authorId: viewerId,
          title: input.title.trim(),
          description: (input.description ?? '').trim(),
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          location: input.location?.trim() || null,
          onlineUrl: input.onlineUrl?.trim() || null,
          capacity: input.capacity ?? null,
          updatedAt: new Date(),
          cancelledAt: null,
        }),
      );
      await this.domainEvents.publish(manager, {
        type: 'event.created',
        eventId: event.id,
        groupId: event.groupId,
        authorId: viewerId,
      });
      return event;
    });
  }

  /** Its author, or the group's managers. More places promote the waitlist, in order. */
  async update(viewerId: string, input: UpdateEventInput): Promise<EventEntity> {
    return this.db.transaction(async (manager) => {
      // The same lock as RSVPs, taken before reading: a change and an answer never interleave.
      await manager.query('SELECT 1 FROM events WHERE id = $1 FOR UPDATE', [input.id]);
      const { event, standing } = await this.readable(viewerId, input.id, manager);
      this.contributions.require(viewerId, event, standing, 'event.delete');
      const startsAt = input.startsAt ?? event.startsAt;
      const endsAt = input.endsAt ?? event.endsAt;
      checkTimes(startsAt, endsAt);
      if (input.title !== undefined && input.title !== null) event.title = input.title.trim();
      if (input.description !== undefined && input.description !== null) event.description = input.description.trim();
      if (input.location !== undefined) event.location = input.location?.trim() || null;
      if (input.onlineUrl !== undefined) event.onlineUrl = input.onlineUrl?.trim() || null;
      if (input.capacity !== undefined) event.capacity = input.capacity;
      event.startsAt = startsAt;
      event.endsAt = endsAt;
      event.updatedAt = new Date();
      const saved = await manager.getRepository(EventEntity).save(event);
      await this.domainEvents.publish(manager, {
        type: 'event.updated',
        eventId: event.id,
        groupId: event.groupId,
        actorId: viewerId,
      });
      if (!saved.cancelledAt) await this.rsvps.promote(manager, saved);
      return saved;
    });
  }

  /** Its author, or the group's managers; everyone going or waitlisted is told. Cancelling twice changes nothing. */
  async cancel(viewerId: string, eventId: string): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const { event, standing } = await this.readable(viewerId, eventId, manager);
      this.contributions.require(viewerId, event, standing, 'event.delete');
      const [locked] = (await manager.query('SELECT cancelled_at FROM events WHERE id = $1 FOR UPDATE', [
        event.id,
      ])) as { cancelled_at: Date | null }[];
      if (locked.cancelled_at) return true;
      await manager.query('UPDATE events SET cancelled_at = now(), updated_at = now() WHERE id = $1', [event.id]);
      const attendees = (await manager.query(
        `SELECT user_id FROM event_rsvps WHERE event_id = $1 AND status IN ('GOING', 'WAITLISTED')`,
        [event.id],
      )) as { user_id: string }[];
      await this.domainEvents.publish(manager, {
        type: 'event.cancelled',
        eventId: event.id,
        groupId: event.groupId,
        title: event.title,
        actorId: viewerId,
        attendeeIds: attendees.map((row) => row.user_id),
      });
      return true;
    });
  }

  /** Soonest first: of one group (FORBIDDEN when its content is unreadable), or of every readable group. */
  async list(viewerId: string, args: EventsArgs): Promise<Connection<EventEntity>> {
    const where: string[] = [];
    const params: unknown[] = [viewerId];
    if (args.groupId) {
      await this.access.assert(viewerId, args.groupId, 'readContent');
      params.push(args.groupId);
      where.push(`e.group_id = $${params.length}`);
    } else {
      where.push(
        `EXISTS (SELECT 1 FROM groups g WHERE g.id = e.group_id AND ${this.access.readableGroupSql('g', '$1')})`,
      );
    }
    if (args.from) {
      params.push(args.from);
      where.push(`e.ends_at >= $${params.length}`);
    }
    if (args.to) {
      params.push(args.to);
      where.push(`e.starts_at < $${params.length}`);
    }
    where.push('$1::uuid IS NOT NULL');
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT e.id FROM events e',
      where,
      params,
      ...SOONEST,
      first: args.first,
      after: args.after,
    });
    return hydrate(page, this.events);
  }

  /** "Mes événements": not cancelled, not over, in the viewer's groups and follows, or answered by them. */
  async upcoming(viewerId: string, first: number, after?: string, now = new Date()): Promise<Connection<EventEntity>> {
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT e.id FROM events e',
      where: ['e.cancelled_at IS NULL', 'e.ends_at >= $2', viewerEventsSql(this.access.readableGroupSql('g', '$1'))],
      params: [viewerId, now],
      ...SOONEST,
      first,
      after,
    });
    return hydrate(page, this.events);
  }

  /** What a calendar feed holds: the viewer's events from 30 days ago on, cancelled ones included (so calendars drop them). */
  async forCalendar(viewerId: string): Promise<EventEntity[]> {
    const rows = (await this.db.query(
      `SELECT e.id FROM events e
        WHERE e.ends_at >= now() - interval '30 days' AND ${viewerEventsSql(this.access.readableGroupSql('g', '$1'))}
        ORDER BY e.starts_at, e.id LIMIT 500`,
      [viewerId],
    )) as { id: string }[];
    const events = await this.events.findBy({ id: In(rows.map((row) => row.id)) });
    return byKey(
      rows.map((row) => row.id),
      events,
      (e) => e.id,
    ).filter((e): e is EventEntity => e !== null);
  }
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime())) throw new BadInputError({ startsAt: 'must be a date and time' });
  if (Number.isNaN(endsAt.getTime())) throw new BadInputError({ endsAt: 'must be a date and time' });
  if (endsAt.getTime() < startsAt.getTime())
    throw new BadInputError({ endsAt: 'must not be before startsAt' }, 'EVENT_ENDS_BEFORE_START');
}
