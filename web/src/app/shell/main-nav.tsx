import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

interface NavLinkProps {
  to: '/' | '/groupes' | '/messages' | '/annuaire' | '/notifications';
  icon: IconName;
  /** Words for screen readers after the visible text (" (3)": the unread count), so the name starts with what is seen. */
  hiddenSuffix?: string;
  badge?: ReactNode;
  children: ReactNode;
}

function NavLink({ to, icon, hiddenSuffix, badge, children }: NavLinkProps) {
  return (
    <li>
      <Link to={to} className="nav-link" activeOptions={{ exact: to === '/' }} activeProps={{ 'aria-current': 'page' }}>
        <span className="nav-icon">
          <Icon name={icon} />
          {badge}
        </span>
        <span className="nav-text">{children}</span>
        {hiddenSuffix ? <span className="sr-only">{hiddenSuffix}</span> : null}
      </Link>
    </li>
  );
}

/** The main navigation: a bar in the header on a desktop, a tab bar at the bottom on a phone. */
export function MainNav({ unread }: { unread: number }) {
  const { t } = useLingui();
  return (
    <nav className="main-nav" aria-label={t`Navigation principale`}>
      <ul>
        <NavLink to="/" icon="home">
          <Trans>Fil</Trans>
        </NavLink>
        <NavLink to="/groupes" icon="groups">
          <Trans>Groupes</Trans>
        </NavLink>
        <NavLink to="/messages" icon="messages">
          <Trans>Messages</Trans>
        </NavLink>
        <NavLink to="/annuaire" icon="directory">
          <Trans>Annuaire</Trans>
        </NavLink>
        <NavLink
          to="/notifications"
          icon="bell"
          hiddenSuffix={unread > 0 ? ` (${unread})` : undefined}
          badge={
            unread > 0 ? (
              <span className="badge" aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null
          }
        >
          <Trans>Notifications</Trans>
        </NavLink>
      </ul>
    </nav>
  );
}
