import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const membersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id/adherents',
  // `?filtre=` a segment's filter (JSON), from "Voir les membres" on the segments page.
  validateSearch: (search: Record<string, unknown>): { filtre?: string } => ({
    filtre: typeof search.filtre === 'string' ? search.filtre : undefined,
  }),
  component: lazyRouteComponent(() => import('./members-page'), 'MembersPage'),
});

export const segmentsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id/segments',
  component: lazyRouteComponent(() => import('./segments-page'), 'SegmentsPage'),
});

export const memberImportRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id/import',
  component: lazyRouteComponent(() => import('./import-page'), 'ImportPage'),
});

export const membersRoutes = [membersRoute, segmentsRoute, memberImportRoute] as const;
