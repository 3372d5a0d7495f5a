import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupAccess } from '../../access/group-access.service';
import { allowsContribution } from '../../access/contribution-policy';
import { mayReadContent } from '../../access/group-policy';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { NotFoundError } from '../../common/errors/app-error';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { GroupModel, toGroupModel } from '../groups/group.model';
import { GroupsService } from '../groups/groups.service';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { CalendarFeeds } from './calendar-feeds.service';
import { CreateEventInput, EventsArgs, RsvpArgs, UpdateEventInput } from './dto/event.inputs';
import { RsvpStatusValue } from './event.entity';
import {
  EventAttendeeConnection,
  EventAttendeeModel,
  EventConnection,
  EventModel,
  RsvpStatus,
  toEventModel,
} from './event.model';
import { EventRsvps } from './event-rsvps';
import { EventsService } from './events.service';

@Authenticated()
@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly rsvps: EventRsvps,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
    private readonly access: GroupAccess,
  ) {}

  @Query(() => EventModel, { nullable: true, description: 'An event; NOT_FOUND when the viewer may not read it.' })
  async event(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The event.' }, UuidPipe) id: string,
  ): Promise<EventModel> {
    return toEventModel((await this.service.readable(viewer.id, id)).event);
  }

  @Query(() => EventConnection, {
    description:
      'Events soonest first (cancelled ones included, with `cancelledAt`): of one group (FORBIDDEN when its content is private to the viewer), or of every readable group.',
  })
  async events(@CurrentViewer() viewer: Viewer, @Args() args: EventsArgs) {
    return mapConnection(await this.service.list(viewer.id, args), toEventModel);
  }

  @Query(() => EventConnection, {
    description:
      "The viewer's coming events, soonest first: not cancelled, not over, in groups they belong to or follow (or whose organisation they follow), or answered GOING or WAITLISTED.",
  })
  async upcomingEvents(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return mapConnection(await this.service.upcoming(viewer.id, args.first, args.after), toEventModel);
  }

  @Mutation(() => EventModel, { description: "Creates an event in a group. The group's members only." })
  async createEvent(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new event.' }) input: CreateEventInput,
  ): Promise<EventModel> {
    return toEventModel(await this.service.create(viewer.id, input));
  }

  @Mutation(() => EventModel, {
    description: "Changes an event: its author or the group's owners, moderators and organisation admins.",
  })
  async updateEvent(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'What changes.' }) input: UpdateEventInput,
  ): Promise<EventModel> {
    return toEventModel(await this.service.update(viewer.id, input));
  }

  @Mutation(() => Boolean, {
    description:
      "Cancels an event (its author or the group's managers); everyone going or waitlisted is notified (EVENT_CANCELLED).",
  })
  cancelEvent(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The event.' }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.service.cancel(viewer.id, id);
  }

  @Mutation(() => EventModel, {
    description:
      'Answers an event. going: GOING while places are left, WAITLISTED after. going false withdraws: the first waitlisted takes the place and is notified (EVENT_PROMOTED). BAD_USER_INPUT for a cancelled or past event.',
  })
  async rsvp(@CurrentViewer() viewer: Viewer, @Args() args: RsvpArgs): Promise<EventModel> {
    await this.service.readable(viewer.id, args.eventId);
    await this.rsvps.answer(viewer.id, args.eventId, args.going);
    return toEventModel((await this.service.readable(viewer.id, args.eventId)).event);
  }

  @PublicField()
  @ResolveField(() => GroupModel, { description: 'The group it belongs to.' })
  async group(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<GroupModel> {
    return toGroupModel((await this.groups.load(ctx.loaders, event.groupId))!);
  }

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who organised it; "Ancien membre" once they erased their account.',
  })
  async author(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = event.authorId ? await this.users.load(ctx.loaders, event.authorId) : null;
    return user && toUserModel(user);
  }

  @PublicField()
  @ResolveField(() => Int, { description: 'How many people are going.' })
  async goingCount(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<number> {
    return (await this.rsvps.counts(ctx.loaders, event.id)).going;
  }

  @PublicField()
  @ResolveField(() => Int, { description: 'How many people wait for a place.' })
  async waitlistCount(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<number> {
    return (await this.rsvps.counts(ctx.loaders, event.id)).waitlisted;
  }

  @PublicField()
  @ResolveField(() => Int, { nullable: true, description: 'Places still free; null when there is no limit.' })
  async placesLeft(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<number | null> {
    if (event.capacity === null) return null;
    return Math.max(0, event.capacity - (await this.rsvps.counts(ctx.loaders, event.id)).going);
  }

  @PublicField()
  @ResolveField(() => RsvpStatus, { description: "The viewer's answer (NOT_GOING when they never answered)." })
  async viewerRsvp(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<RsvpStatusValue> {
    return (await this.rsvps.viewerRsvp(ctx.loaders, ctx.viewer!.id, event.id)).status;
  }

  @PublicField()
  @ResolveField(() => Int, {
    nullable: true,
    description: 'When the viewer is WAITLISTED: their place in line, from 1.',
  })
  async viewerWaitlistPosition(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<number | null> {
    return (await this.rsvps.viewerRsvp(ctx.loaders, ctx.viewer!.id, event.id)).position;
  }

  @PublicField()
  @ResolveField(() => Boolean, {
    description: 'The viewer may change or cancel it (its author or a manager of the group).',
  })
  async viewerCanManage(@Parent() event: EventModel, @Context() ctx: RequestContext): Promise<boolean> {
    const standing = await this.access.standing(ctx.loaders, ctx.viewer!.id, event.groupId);
    return !!standing && allowsContribution(ctx.viewer!.id, { ...event }, standing, 'delete');
  }

  /** Checked again here: whoever may read the group's content may see who goes (the group's member-list rule). */
  @GuardedField()
  @ResolveField(() => EventAttendeeConnection, {
    description: 'People going (in answer order), then the waitlist (in order). As visible as the group’s members.',
  })
  async attendees(@Parent() event: EventModel, @Context() ctx: RequestContext, @Args() args: ConnectionArgs) {
    const standing = await this.access.standing(ctx.loaders, ctx.viewer!.id, event.groupId);
    if (!standing || !mayReadContent(standing)) throw new NotFoundError('Event');
    this.access.require(standing, 'listMembers');
    return this.rsvps.attendees(event.id, args.first, args.after);
  }
}

@Resolver(() => EventAttendeeModel)
export class EventAttendeeResolver {
  constructor(private readonly users: UsersService) {}

  @PublicField()
  @ResolveField(() => UserModel, { description: 'The person.' })
  async user(@Parent() attendee: EventAttendeeModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await this.users.load(ctx.loaders, attendee.userId))!);
  }
}

/** `User.calendarUrl` and `resetCalendarUrl`: the viewer's secret calendar feed. */
@Authenticated()
@Resolver(() => UserModel)
export class CalendarUrlResolver {
  constructor(private readonly feeds: CalendarFeeds) {}

  @GuardedField()
  @ResolveField(() => String, {
    nullable: true,
    description:
      "The viewer's own calendar feed address (iCalendar, their coming events); null on anyone else. Secret: whoever has it reads the feed.",
  })
  async calendarUrl(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<string | null> {
    if (!ctx.viewer || ctx.viewer.id !== user.id) return null;
    return this.feeds.urlOf(ctx.loaders, user.id);
  }

  @Mutation(() => String, {
    description: "Gives the viewer's calendar feed a new address and returns it; the old one answers 404 from now on.",
  })
  resetCalendarUrl(@CurrentViewer() viewer: Viewer): Promise<string> {
    return this.feeds.reset(viewer.id);
  }
}
