import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const messagesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/messages',
  component: lazyRouteComponent(() => import('./messages-page'), 'MessagesPage'),
});

export const conversationRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/messages/$id',
  component: lazyRouteComponent(() => import('./conversation-page'), 'ConversationPage'),
});

export const messagesRoutes = [messagesRoute, conversationRoute] as const;
