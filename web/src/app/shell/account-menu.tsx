import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../lib/errors/error-message';
import { session } from '../../lib/session/session';
import { Icon } from './icons';

/**
 * The `Mon compte` button and what it opens: the person's name, `Paramètres` and `Se déconnecter`.
 * A disclosure (a button that shows a list), closed by Escape, a click elsewhere or leaving it.
 */
export function AccountMenu({ displayName, administers }: { displayName?: string; administers?: boolean }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const logout = async () => {
    setError(null);
    try {
      await session.logout();
      await navigate({ to: '/connexion', replace: true });
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div
      className="account-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="icon-button account-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="account" />
        <span className="account-label">
          <Trans>Mon compte</Trans>
        </span>
      </button>
      <div id={panelId} className="account-panel" hidden={!open}>
        {displayName ? <p className="account-name">{displayName}</p> : null}
        <ul>
          <li>
            <Link to="/parametres" onClick={() => setOpen(false)}>
              <Trans>Paramètres</Trans>
            </Link>
          </li>
          <li>
            <Link to="/annonces" onClick={() => setOpen(false)}>
              <Trans>Annonces</Trans>
            </Link>
          </li>
          <li>
            <Link to="/evenements" onClick={() => setOpen(false)}>
              <Trans>Événements</Trans>
            </Link>
          </li>
          {administers ? (
            <li>
              <Link to="/admin" onClick={() => setOpen(false)}>
                <Trans>Administration</Trans>
              </Link>
            </li>
          ) : null}
          <li>
            <button type="button" className="link-button" onClick={() => void logout()}>
              <Trans>Se déconnecter</Trans>
            </button>
          </li>
        </ul>
        <ErrorMessage
          error={error}
          overrides={{
            NETWORK: t`Déconnexion impossible : Maillage ne répond pas. Vérifiez votre connexion puis réessayez.`,
          }}
        />
      </div>
    </div>
  );
}
