import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

/** One post with its comments (notifications and the cards' times link here). */
export const postRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/publications/$id',
  component: lazyRouteComponent(() => import('./post-page'), 'PostPage'),
});

export const postsRoutes = [postRoute] as const;
