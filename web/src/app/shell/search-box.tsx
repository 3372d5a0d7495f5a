import { useLingui } from '@lingui/react/macro';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { Icon } from './icons';

/** The search field of every page: it opens /recherche?q=…, and shows the current query there. */
export function SearchBox() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const current = useRouterState({
    select: (state) => (state.location.pathname === '/recherche' ? String(state.location.search.q ?? '') : ''),
  });
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = text.trim();
    if (q) void navigate({ to: '/recherche', search: { q } });
  };

  return (
    <form role="search" className="search-box" aria-label={t`Rechercher`} onSubmit={submit}>
      <input
        type="search"
        name="q"
        aria-label={t`Rechercher`}
        placeholder={t`Rechercher…`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        enterKeyHint="search"
      />
      <button type="submit" className="icon-button" aria-label={t`Lancer la recherche`}>
        <Icon name="search" />
      </button>
    </form>
  );
}
