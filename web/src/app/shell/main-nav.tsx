import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

interface NavLinkProps {
  to: '/' | '/groupes' | '/messages' | '/annuaire' | '/notifications';
  icon: IconName;
  /** An accessible name that says more than the visible text (the unread count). */
  label?: string;
  badge?: ReactNode;
  children: ReactNode;
}

function NavLink({ to, icon, label, badge, children }: NavLinkProps) {
  return (
    <li>
      <Link
        to={to}
        className="nav-link"
        aria-label={label}
        activeOptions={{ exact: to === '/' }}
        activeProps={{ 'aria-current': 'page' }}
      >
        <span className="nav-icon">
          <Icon name={icon} />
          {badge}
        </span>
        <span className="nav-text">{children}</span>
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
          badge={
            unread > 0 ? (
              <span className="badge" aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null
          }
        >
          <Trans>Notifications</Trans>
          {/* In the name ("Notifications (3)") without an aria-label that would differ from the visible text. */}
          {unread > 0 ? <span className="sr-only"> ({unread})</span> : null}
        </NavLink>
      </ul>
    </nav>
  );
}
