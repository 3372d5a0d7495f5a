import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { publicLayout } from '../app/layouts';
import { session } from '../lib/session/session';

/** Only a path inside the app (`/groupes/…`), never another site: `?retour=` must not become an open redirect. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return undefined;
  return value;
}

export const loginRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/connexion',
  // `compte=supprime`: the person just deleted their account (settings), and is told so here.
  validateSearch: (search: Record<string, unknown>): { retour?: string; compte?: 'supprime' } => ({
    retour: safeReturnPath(search.retour),
    compte: search.compte === 'supprime' ? 'supprime' : undefined,
  }),
  // Already logged in (another tab, a bookmark): straight to where the person was going.
  beforeLoad: async ({ search }) => {
    await session.start();
    if (session.current.status === 'authenticated') throw redirect({ href: search.retour ?? '/' });
  },
  component: lazyRouteComponent(() => import('./login-page'), 'LoginPage'),
});

export const invitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/invitation/$token',
  component: lazyRouteComponent(() => import('./invitation-page'), 'InvitationPage'),
});

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/mot-de-passe-oublie',
  component: lazyRouteComponent(() => import('./forgot-password-page'), 'ForgotPasswordPage'),
});

export const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/reinitialiser/$token',
  component: lazyRouteComponent(() => import('./reset-password-page'), 'ResetPasswordPage'),
});

export const authRoutes = [loginRoute, invitationRoute, forgotPasswordRoute, resetPasswordRoute] as const;
