import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

/** "Mes événements": the viewer's coming events. */
export const myEventsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/evenements',
  component: lazyRouteComponent(() => import('./my-events-page'), 'MyEventsPage'),
});

export const eventRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/evenements/$id',
  component: lazyRouteComponent(() => import('./event-page'), 'EventPage'),
});

export const eventsRoutes = [myEventsRoute, eventRoute] as const;
