import { createRootRoute, createRoute, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { session } from '../lib/session/session';
import { NotFoundPage } from './not-found-page';
import { RouteAnnouncer } from './route-announcer';

/** The root: every page, logged in or not. Unknown addresses show the "page introuvable" page. */
export const rootRoute = createRootRoute({
  component: () => (
    <>
      <RouteAnnouncer />
      <Outlet />
    </>
  ),
  notFoundComponent: NotFoundPage,
});

/** Pages for people who are not logged in (login, invitation, password reset): no shell. */
export const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: () => (
    <main id="contenu" className="public-page" tabIndex={-1}>
      <Outlet />
    </main>
  ),
});

/**
 * Every page of a logged-in person, inside the shell. Without a session, the person goes to
 * /connexion and comes back here afterwards (`?retour=`).
 */
export const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  // A loader rather than beforeLoad: the page's code then downloads while the session is checked.
  loader: async ({ location }) => {
    await session.start();
    if (session.current.status !== 'authenticated')
      throw redirect({ to: '/connexion', search: { retour: location.href } });
  },
  // The shell (and the live connection it opens) loads with the first logged-in page, not with the login page.
  component: lazyRouteComponent(() => import('./shell/app-shell'), 'AppShell'),
});
