import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { NotificationSettingsModel, UpdateNotificationSettingsInput } from './notification-settings.model';
import { NotificationSettingsService } from './notification-settings.service';

@Resolver(() => NotificationSettingsModel)
export class NotificationSettingsResolver {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Authenticated()
  @Query(() => NotificationSettingsModel, { description: "The viewer's notification e-mail preferences." })
  notificationSettings(@CurrentViewer() viewer: Viewer): Promise<NotificationSettingsModel> {
    return this.settings.get(viewer.id);
  }

  @Authenticated()
  @Mutation(() => NotificationSettingsModel, {
    description:
      "Changes the viewer's notification e-mail preferences (frequency, muted kinds) and whether questions are routed to them.",
  })
  updateNotificationSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'What to change.' }) input: UpdateNotificationSettingsInput,
  ): Promise<NotificationSettingsModel> {
    return this.settings.update(viewer.id, input);
  }
}
