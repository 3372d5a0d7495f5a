import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const adminAnnouncementsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id/annonces',
  component: lazyRouteComponent(() => import('./admin-announcements-page'), 'AdminAnnouncementsPage'),
});

export const myAnnouncementsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/annonces',
  component: lazyRouteComponent(() => import('./my-announcements-page'), 'MyAnnouncementsPage'),
});

export const announcementRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/annonces/$id',
  component: lazyRouteComponent(() => import('./announcement-page'), 'AnnouncementPage'),
});

export const announcementsRoutes = [adminAnnouncementsRoute, myAnnouncementsRoute, announcementRoute] as const;
