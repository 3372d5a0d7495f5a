import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const questionRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/questions/$id',
  component: lazyRouteComponent(() => import('./question-page'), 'QuestionPage'),
});

export const questionsRoutes = [questionRoute] as const;
