import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

/** Whether a value is one of the periods the dashboard offers (anything else: 90 days). */
export function toPeriod(value: unknown): Period {
  const days = Number(value);
  return (PERIODS as readonly number[]).includes(days) ? (days as Period) : 90;
}

export const engagementRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/admin/organisations/$id/engagement',
  // `?jours=30|90|365`: the period, so a chosen view can be shared or reloaded.
  validateSearch: (search: Record<string, unknown>): { jours?: Period } => ({
    jours: search.jours === undefined ? undefined : toPeriod(search.jours),
  }),
  component: lazyRouteComponent(() => import('./engagement-page'), 'EngagementPage'),
});

export const engagementRoutes = [engagementRoute] as const;
