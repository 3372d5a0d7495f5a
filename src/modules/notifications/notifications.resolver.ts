import {
  ArgsType,
  Args,
  Context,
  Field,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Authenticated, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { NotificationConnection, NotificationModel, toNotificationModel } from './notification.model';
import { NotificationsService } from './notifications.service';

@ArgsType()
class NotificationsArgs extends ConnectionArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only the unread ones.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}

@ArgsType()
class MarkReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Which ones; all unread notifications when omitted.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

@Authenticated()
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => NotificationConnection, { description: "The viewer's notifications, newest first." })
  async notifications(@CurrentViewer() viewer: Viewer, @Args() args: NotificationsArgs) {
    return mapConnection(
      await this.service.list(viewer.id, args.unreadOnly, args.first, args.after),
      toNotificationModel,
    );
  }

  @Query(() => Int, { description: 'How many notifications the viewer has not read.' })
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.service.unreadCount(viewer.id);
  }

  @Mutation(() => Int, { description: 'Marks notifications as read; returns how many changed.' })
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args() args: MarkReadArgs): Promise<number> {
    return this.service.markRead(viewer.id, args.ids);
  }

  @PublicField()
  @ResolveField(() => ID, {
    nullable: true,
    description:
      "The question to open: the subject of NEW_ANSWER, the accepted answer's question for ANSWER_ACCEPTED; null for other types.",
  })
  async questionId(@Parent() notification: NotificationModel, @Context() ctx: RequestContext): Promise<string | null> {
    if (!notification.subjectId) return null;
    if (notification.type === 'NEW_ANSWER') return notification.subjectId;
    if (notification.type === 'ANSWER_ACCEPTED')
      return this.service.questionOfAnswer(ctx.loaders, notification.subjectId);
    return null;
  }

  @PublicField()
  @ResolveField(() => UserModel, { nullable: true, description: 'Who caused it.' })
  async actor(@Parent() notification: NotificationModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    if (!notification.actorId) return null;
    const user = await this.users.load(ctx.loaders, notification.actorId);
    return user && toUserModel(user);
  }
}
