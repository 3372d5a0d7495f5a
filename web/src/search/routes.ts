import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

const TYPES = ['QUESTION', 'ANSWER', 'POST', 'GROUP', 'PERSON', 'EVENT'] as const;
type ResultType = (typeof TYPES)[number];

export const searchRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/recherche',
  // `type` narrows the results to one kind (the page's filter); anything else is ignored.
  validateSearch: (search: Record<string, unknown>): { q?: string; type?: ResultType } => ({
    q: typeof search.q === 'string' ? search.q : undefined,
    type: TYPES.find((type) => type === search.type),
  }),
  component: lazyRouteComponent(() => import('./search-page'), 'SearchPage'),
});

export const searchRoutes = [searchRoute] as const;
