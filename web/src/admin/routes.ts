import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const adminRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin',
  component: lazyRouteComponent(() => import('./admin-page'), 'AdminPage'),
});

export const adminOrganizationRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id',
  // `?accueil=1` right after creating an association: offers to invite its first admin.
  validateSearch: (search: Record<string, unknown>): { accueil?: string } => ({
    accueil: typeof search.accueil === 'string' ? search.accueil : undefined,
  }),
  component: lazyRouteComponent(() => import('./organization-page'), 'OrganizationPage'),
});

export const adminAuditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id/journal',
  validateSearch: (search: Record<string, unknown>): { action?: string; personne?: string } => ({
    action: typeof search.action === 'string' ? search.action : undefined,
    personne: typeof search.personne === 'string' ? search.personne : undefined,
  }),
  component: lazyRouteComponent(() => import('./audit-page'), 'AuditPage'),
});

export const firstStepsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/premiers-pas',
  component: lazyRouteComponent(() => import('./first-steps-page'), 'FirstStepsPage'),
});

export const adminRoutes = [adminRoute, adminOrganizationRoute, adminAuditRoute, firstStepsRoute] as const;
