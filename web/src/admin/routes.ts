import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const adminRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin',
  component: lazyRouteComponent(() => import('./admin-page'), 'AdminPage'),
});

export const adminRoutes = [adminRoute] as const;
