import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import { DirectoryChunk } from './directory-chunk';
import './people.css';

/** How long typing must pause before the directory is asked again. */
const SEARCH_DELAY_MS = 300;

const PeopleOrganizationsQuery = graphql(`
  query PeopleOrganizations {
    organizations(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/**
 * The directory: people who consent to be listed, alphabetical, searchable by name, role, skills
 * and interests, and narrowed to an organisation (and those below it). Pages follow one another
 * ("Afficher plus"), each page its own query.
 */
export function DirectoryPage() {
  const { t } = useLingui();
  usePageTitle(t`Annuaire`);
  const searchId = useId();
  const organizationFieldId = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key: '', cursors: [null] });
  const [{ data: organizationsData }] = useQuery({ query: PeopleOrganizationsQuery });
  const organizations = useMemo(
    () =>
      (organizationsData?.organizations.edges ?? [])
        .map((edge) => edge.node)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [organizationsData],
  );

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  // A new search or organisation starts again from the first page.
  const key = `${organizationId}|${search}`;
  const cursors = paging.key === key ? paging.cursors : [null];
  const organizationName = organizations.find((o) => o.id === organizationId)?.name;
  const listName = search
    ? t`Résultats pour « ${search} »`
    : organizationName
      ? t`Membres de ${organizationName}`
      : t`Membres`;

  return (
    <section className="page directory-page" aria-labelledby="directory-title">
      <h1 id="directory-title">
        <Trans>Annuaire</Trans>
      </h1>
      <p className="directory-intro">
        <Trans>
          Les membres de la fédération et de ses associations qui ont choisi d'y figurer. Trouvez quelqu'un par son nom,
          sa fonction, ses compétences ou ses centres d'intérêt, ou parcourez une organisation.
        </Trans>
      </p>
      <form
        className="directory-search"
        role="search"
        aria-label={t`Chercher dans l'annuaire`}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
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
        </div>
        <div className="field">
          <label htmlFor={organizationFieldId}>
            <Trans>Organisation</Trans>
          </label>
          <select
            id={organizationFieldId}
            value={organizationId}
            onChange={(event) => setOrganizationId(event.target.value)}
          >
            <option value="">{t`Toutes les organisations`}</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ul className="person-list" aria-label={listName}>
        {cursors.map((after, index) => (
          <DirectoryChunk
            key={`${key}:${after ?? ''}`}
            search={search}
            organizationId={organizationId || null}
            after={after}
            first={index === 0}
            focusOnLoad={index > 0}
            last={index === cursors.length - 1}
            onMore={(cursor) => setPaging({ key, cursors: [...cursors, cursor] })}
          />
        ))}
      </ul>
    </section>
  );
}
