import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

/** A commission as one place: its working space (for its members) and its showcase (for everyone). */
export const commissionRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/commissions/$id',
  component: lazyRouteComponent(() => import('./commission-page'), 'CommissionPage'),
});

export const commissionsRoutes = [commissionRoute] as const;
