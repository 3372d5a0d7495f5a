import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appLayout } from '../app/layouts';

export const groupsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groupes',
  component: lazyRouteComponent(() => import('./groups-page'), 'GroupsPage'),
});

/** One group: its header (name, join, follow) and tabs; each tab is a child route owned by its feature. */
export const groupRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/groupes/$id',
  component: lazyRouteComponent(() => import('./group-page'), 'GroupPage'),
});

/** The posts of the group (the default tab): the posts feature's component. */
export const groupPostsRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../posts/group-posts-tab'), 'GroupPostsTab'),
});

/** The group's questions: the questions feature's component. */
export const groupQuestionsRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: 'questions',
  component: lazyRouteComponent(() => import('../questions/group-questions-tab'), 'GroupQuestionsTab'),
});

export const groupMembersRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: 'membres',
  component: lazyRouteComponent(() => import('./group-members-tab'), 'GroupMembersTab'),
});

export const groupAboutRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: 'a-propos',
  component: lazyRouteComponent(() => import('./group-about-tab'), 'GroupAboutTab'),
});

/** The group's events: the events feature's component. */
export const groupEventsRoute = createRoute({
  getParentRoute: () => groupRoute,
  path: 'evenements',
  component: lazyRouteComponent(() => import('../events/group-events-tab'), 'GroupEventsTab'),
});

export const groupsRoutes = [
  groupsRoute,
  groupRoute.addChildren([groupPostsRoute, groupQuestionsRoute, groupMembersRoute, groupAboutRoute, groupEventsRoute]),
] as const;
