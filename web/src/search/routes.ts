import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const searchRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/recherche',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({
    q: typeof search.q === 'string' ? search.q : undefined,
  }),
  component: lazyRouteComponent(() => import('./search-page'), 'SearchPage'),
});

export const searchRoutes = [searchRoute] as const;
