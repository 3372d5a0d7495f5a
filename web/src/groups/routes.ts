import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const groupsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groupes',
  component: lazyRouteComponent(() => import('./groups-page'), 'GroupsPage'),
});

export const groupRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groupes/$id',
  component: lazyRouteComponent(() => import('./group-page'), 'GroupPage'),
});

export const groupsRoutes = [groupsRoute, groupRoute] as const;
