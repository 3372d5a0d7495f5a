import { adminRoutes } from '../admin/routes';
import { announcementsRoutes } from '../announcements/routes';
import { authRoutes } from '../auth/routes';
import { feedRoutes } from '../feed/routes';
import { groupsRoutes } from '../groups/routes';
import { membersRoutes } from '../members/routes';
import { messagesRoutes } from '../messages/routes';
import { notificationsRoutes } from '../notifications/routes';
import { peopleRoutes } from '../people/routes';
import { postsRoutes } from '../posts/routes';
import { questionsRoutes } from '../questions/routes';
import { questionRoutingRoutes } from '../question-routing/routes';
import { searchRoutes } from '../search/routes';
import { settingsRoutes } from '../settings/routes';
import { eventsRoutes } from '../events/routes';
import { engagementRoutes } from '../engagement/routes';
import { appLayout, publicLayout, rootRoute } from './layouts';
import { commissionsRoutes } from '../commissions/routes';

/** Each feature folder declares its routes in its own routes.ts; this file only puts them together. */
export const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([...authRoutes]),
  appLayout.addChildren([
    ...feedRoutes,
    ...postsRoutes,
    ...groupsRoutes,
    ...questionsRoutes,
    ...searchRoutes,
    ...messagesRoutes,
    ...peopleRoutes,
    ...notificationsRoutes,
    ...settingsRoutes,
    ...adminRoutes,
    ...membersRoutes,
    ...questionRoutingRoutes,
    ...commissionsRoutes,
    ...eventsRoutes,
    ...announcementsRoutes,
    ...engagementRoutes,
  ]),
]);
