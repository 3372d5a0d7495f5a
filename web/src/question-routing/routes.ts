import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const routedQuestionsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/questions-pour-vous',
  component: lazyRouteComponent(() => import('./routed-questions-page'), 'RoutedQuestionsPage'),
});

export const questionRoutingRoutes = [routedQuestionsRoute] as const;
