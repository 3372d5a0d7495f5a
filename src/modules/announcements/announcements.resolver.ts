import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationAccess } from '../../access/organization-access.service';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { AnnouncementConnection, AnnouncementModel, toAnnouncementModel } from './announcement.model';
import { AnnouncementsService } from './announcements.service';
import { AnnouncementsArgs, SendAnnouncementInput } from './dto/announcement.inputs';

@Authenticated()
@Resolver(() => AnnouncementModel)
export class AnnouncementsResolver {
  constructor(
    private readonly service: AnnouncementsService,
    private readonly organizations: OrganizationsService,
    private readonly access: OrganizationAccess,
  ) {}

  @Mutation(() => AnnouncementModel, {
    description:
      'Sends an announcement to a segment of the organisation (its admins, or admins above). The audience is the segment as it is now; each recipient gets an ANNOUNCEMENT notification (IN_APP) and an e-mail (EMAIL) unless they turned announcement e-mails off. An empty segment is BAD_USER_INPUT on `segmentId`.',
  })
  async sendAnnouncement(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The announcement.' }) input: SendAnnouncementInput,
  ): Promise<AnnouncementModel> {
    return toAnnouncementModel(await this.service.send(viewer.id, input));
  }

  @Query(() => AnnouncementModel, {
    description:
      'An announcement, for its recipients (opening it counts as read) and the admins of its organisation; NOT_FOUND for anyone else.',
  })
  async announcement(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The announcement.' }, UuidPipe) id: string,
  ): Promise<AnnouncementModel> {
    return toAnnouncementModel(await this.service.open(viewer.id, id));
  }

  @Mutation(() => AnnouncementModel, {
    description: 'The viewer confirms they took note of an announcement they received (idempotent).',
  })
  async acknowledgeAnnouncement(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The announcement.' }, UuidPipe) id: string,
  ): Promise<AnnouncementModel> {
    return toAnnouncementModel(await this.service.acknowledge(viewer.id, id));
  }

  @Query(() => AnnouncementConnection, {
    description: "An organisation's announcements, newest first, with their reach: its admins (or admins above) only.",
  })
  async announcements(@CurrentViewer() viewer: Viewer, @Args() args: AnnouncementsArgs) {
    return mapConnection(
      await this.service.list(viewer.id, args.organizationId, args.first, args.after),
      toAnnouncementModel,
    );
  }

  @Query(() => AnnouncementConnection, { description: 'The announcements the viewer received, newest first.' })
  async myAnnouncements(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return mapConnection(await this.service.mine(viewer.id, args.first, args.after), toAnnouncementModel);
  }

  @PublicField()
  @ResolveField(() => OrganizationModel, { description: 'The organisation it comes from.' })
  async organization(@Parent() announcement: AnnouncementModel, @Context() ctx: RequestContext) {
    return toOrganizationModel((await this.organizations.load(ctx.loaders, announcement.organizationId))!);
  }

  private async isAdmin(announcement: AnnouncementModel, ctx: RequestContext): Promise<boolean> {
    return this.access.mayAdminister(ctx.loaders, ctx.viewer!.id, announcement.organizationId);
  }

  @GuardedField()
  @ResolveField(() => String, {
    nullable: true,
    description: "The segment's name when it was sent; null unless the viewer administers the organisation.",
  })
  async segmentName(@Parent() announcement: AnnouncementModel, @Context() ctx: RequestContext) {
    return (await this.isAdmin(announcement, ctx)) ? announcement.segmentName : null;
  }

  @GuardedField()
  @ResolveField(() => Int, {
    nullable: true,
    description: 'How many people it was sent to (fixed at send). Null unless the viewer administers the organisation.',
  })
  async audienceCount(@Parent() announcement: AnnouncementModel, @Context() ctx: RequestContext) {
    return (await this.isAdmin(announcement, ctx))
      ? (await this.service.reach(ctx.loaders, announcement.id)).audienceCount
      : null;
  }

  @GuardedField()
  @ResolveField(() => Int, {
    nullable: true,
    description:
      'How many recipients it was e-mailed to (those who keep announcement e-mails on). Null unless the viewer administers the organisation.',
  })
  async emailedCount(@Parent() announcement: AnnouncementModel, @Context() ctx: RequestContext) {
    return (await this.isAdmin(announcement, ctx))
      ? (await this.service.reach(ctx.loaders, announcement.id)).emailedCount
      : null;
  }

  @GuardedField()
  @ResolveField(() => Int, {
    nullable: true,
    description: 'How many recipients opened it. Null unless the viewer administers the organisation.',
  })
  async readCount(@Parent() announcement: AnnouncementModel, @Context() ctx: RequestContext) {
    return (await this.isAdmin(announcement, ctx))
      ? (await this.service.reach(ctx.loaders, announcement.id)).readCount
      : null;
  }

  @GuardedField()
  @ResolveField(() => Int, {
    nullable: true,
    description: 'How many recipients acknowledged it. Null unless the viewer administers the organisation.',
  })
  async acknowledgedCount(@Parent() announcement: AnnouncementModel, @Context() ctx: RequestContext) {
    return (await this.isAdmin(announcement, ctx))
      ? (await this.service.reach(ctx.loaders, announcement.id)).acknowledgedCount
      : null;
  }
}
