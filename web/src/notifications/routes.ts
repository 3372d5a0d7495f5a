import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const notificationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/notifications',
  component: lazyRouteComponent(() => import('./notifications-page'), 'NotificationsPage'),
});

export const notificationsRoutes = [notificationsRoute] as const;
