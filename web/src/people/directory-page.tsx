import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useState } from 'react';
import { usePageTitle } from '../app/page-title';
import { DirectoryChunk } from './directory-chunk';
import './people.css';

/** How long typing must pause before the directory is asked again. */
const SEARCH_DELAY_MS = 300;

/**
 * The directory: people who consent to be listed, alphabetical, searchable by name, role, skills
 * and interests. Pages follow one another ("Afficher plus"), each page its own query.
 */
export function DirectoryPage() {
  const { t } = useLingui();
  usePageTitle(t`Annuaire`);
  const searchId = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(typed.trim());
      setCursors([null]);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  return (
    <section className="page directory-page" aria-labelledby="directory-title">
      <h1 id="directory-title">
        <Trans>Annuaire</Trans>
      </h1>
      <p className="directory-intro">
        <Trans>
          Les membres de la fédération et de ses associations qui ont choisi d'y figurer. Trouvez quelqu'un par son nom,
          sa fonction, ses compétences ou ses centres d'intérêt.
        </Trans>
      </p>
      <form
        className="directory-search"
        role="search"
        aria-label={t`Chercher dans l'annuaire`}
        onSubmit={(event) => event.preventDefault()}
      >
        <label htmlFor={searchId}>
          <Trans>Chercher une personne</Trans>
        </label>
        <input
          id={searchId}
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          placeholder={t`Nom, fonction, compétence…`}
          autoComplete="off"
        />
      </form>
      <ul className="person-list" aria-label={search ? t`Résultats pour « ${search} »` : t`Membres`}>
        {cursors.map((after, index) => (
          <DirectoryChunk
            key={`${search}:${after ?? ''}`}
            search={search}
            after={after}
            first={index === 0}
            focusOnLoad={index > 0}
            last={index === cursors.length - 1}
            onMore={(cursor) => setCursors((list) => [...list, cursor])}
          />
        ))}
      </ul>
    </section>
  );
}
