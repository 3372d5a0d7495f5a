import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const settingsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/parametres',
  component: lazyRouteComponent(() => import('./settings-page'), 'SettingsPage'),
});

export const settingsRoutes = [settingsRoute] as const;
