import { Trans, useLingui } from '@lingui/react/macro';
import { Link, Outlet, useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { session } from '../../lib/session/session';
import { useSocketEvent } from '../../lib/socket/use-socket';
import { AccountMenu } from './account-menu';
import { ConnectionBanner } from './connection-banner';
import { MainNav } from './main-nav';
import { SearchBox } from './search-box';
import { refreshShellData, useShellData } from './shell-data';

/** The frame of every logged-in page: skip link, header (search, account), navigation, live status, content. */
export function AppShell() {
  const { t } = useLingui();
  const data = useShellData();
  const navigate = useNavigate();
  const router = useRouter();

  useSocketEvent('notification:new', () => refreshShellData());
  // Back to the tab (a phone woken up): the live connection may have missed something while asleep.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refreshShellData();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // The session ended elsewhere (expired, revoked, logged out in another tab): to the login page,
  // coming back here afterwards unless the person chose to leave.
  useEffect(
    () =>
      session.subscribe((state) => {
        if (state.status !== 'anonymous') return;
        const retour = state.ended === 'logout' ? undefined : router.state.location.href;
        void navigate({ to: '/connexion', search: { retour }, replace: true });
      }),
    [navigate, router],
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#contenu">
        <Trans>Aller au contenu</Trans>
      </a>
      <header className="shell-header">
        <Link to="/" className="brand" aria-label={t`Maillage, accueil`}>
          Maillage
        </Link>
        <SearchBox />
        <AccountMenu
          displayName={data?.me.displayName}
          administers={data?.me.memberships.some((m) => m.role === 'ADMIN') ?? false}
        />
      </header>
      <MainNav unread={data?.unreadNotificationCount ?? 0} />
      <ConnectionBanner />
      <main id="contenu" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
