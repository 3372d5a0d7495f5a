import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const directoryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/annuaire',
  component: lazyRouteComponent(() => import('./directory-page'), 'DirectoryPage'),
});

export const personRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/personnes/$id',
  component: lazyRouteComponent(() => import('./person-page'), 'PersonPage'),
});

export const peopleRoutes = [directoryRoute, personRoute] as const;
