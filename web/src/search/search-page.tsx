import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useRouter } from '@tanstack/react-router';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { usePageTitle } from '../app/page-title';
import { graphql } from '../gql';
import type { SearchPageQuery as SearchPageResult, SearchType } from '../gql/graphql';
import { ErrorMessage } from '../lib/errors/error-message';
import { formatDate } from '../lib/format/dates';
import { searchRoute } from './routes';
import { Snippet } from './snippet';
import './search.css';

const SearchPageQuery = graphql(`
  query SearchPage($query: String!, $types: [SearchType!], $offset: Int!) {
    search(query: $query, types: $types, first: 20, offset: $offset) {
      estimatedTotal
      hits {
        type
        id
        title
        snippet
        groupId
        questionId
        createdAt
      }
    }
  }
`);

type Hit = SearchPageResult['search']['hits'][number];

const PAGE = 20;
const TYPE_ORDER: SearchType[] = ['QUESTION', 'ANSWER', 'POST', 'GROUP', 'PERSON', 'EVENT'] as SearchType[];

function useTypeNames() {
  const { t } = useLingui();
  return {
    QUESTION: t`Questions`,
    ANSWER: t`Réponses`,
    POST: t`Publications`,
    GROUP: t`Groupes`,
    PERSON: t`Personnes`,
    EVENT: t`Événements`,
  } as Record<SearchType, string>;
}

/** Search results for `?q=`: grouped by kind, matches in <mark>, each linking to what it found. */
export function SearchPage() {
  const { t } = useLingui();
  const { q, type } = searchRoute.useSearch();
  const query = (q ?? '').trim();
  usePageTitle(query ? t`Recherche : ${query}` : t`Recherche`);

  return (
    <section className="page search-page" aria-labelledby="search-title">
      <h1 id="search-title">{query ? <Trans>Recherche : « {query} »</Trans> : <Trans>Recherche</Trans>}</h1>
      {query ? (
        <>
          <TypeFilter query={query} current={type} />
          {/* A new query or filter starts from the first page again. */}
          <SearchResults key={`${query}\u0000${type ?? ''}`} query={query} type={type} />
        </>
      ) : (
        <p className="notice">
          <Trans>
            Tapez quelques mots dans le champ « Rechercher » en haut de la page : questions, réponses, publications,
            groupes et personnes.
          </Trans>
        </p>
      )}
    </section>
  );
}

function TypeFilter({ query, current }: { query: string; current: SearchType | undefined }) {
  const { t } = useLingui();
  const names = useTypeNames();
  const options: { value: SearchType | undefined; label: string }[] = [
    { value: undefined, label: t`Tout` },
    ...TYPE_ORDER.map((value) => ({ value, label: names[value] })),
  ];
  return (
    <nav className="search-filter" aria-label={t`Type de résultat`}>
      <ul>
        {options.map((option) => (
          <li key={option.label}>
            <Link
              to="/recherche"
              search={{ q: query, type: option.value }}
              className="filter-chip"
              aria-current={option.value === current ? 'page' : undefined}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchResults({ query, type }: { query: string; type: SearchType | undefined }) {
  const { t } = useLingui();
  const client = useClient();
  const names = useTypeNames();
  const types = type ? [type] : null;
  const [{ data, error }] = useQuery({
    query: SearchPageQuery,
    variables: { query, types, offset: 0 },
    requestPolicy: 'cache-and-network',
  });
  const [more, setMore] = useState<{ hits: Hit[]; done: boolean; loading: boolean; error: unknown }>({
    hits: [],
    done: false,
    loading: false,
    error: null,
  });

  if (error && !data)
    return (
      <ErrorMessage
        error={error}
        overrides={{
          SEARCH_UNAVAILABLE: t`La recherche est momentanément indisponible. Réessayez dans quelques secondes.`,
          BAD_USER_INPUT: t`Cette recherche n'est pas valable. Essayez avec d'autres mots.`,
        }}
      />
    );
  if (!data)
    return (
      <p role="status" className="loading">
        <Trans>Recherche en cours…</Trans>
      </p>
    );

  const first = data.search.hits;
  const seen = new Set(first.map((hit) => `${hit.type}:${hit.id}`));
  const hits = [...first, ...more.hits.filter((hit) => !seen.has(`${hit.type}:${hit.id}`))];
  const total = Math.max(data.search.estimatedTotal, hits.length);
  const hasMore = !more.done && first.length === PAGE && hits.length < total;

  const loadMore = async () => {
    if (more.loading) return;
    setMore((current) => ({ ...current, loading: true, error: null }));
    const offset = first.length + more.hits.length;
    const result = await client.query(SearchPageQuery, { query, types, offset }).toPromise();
    setMore((current) =>
      result.error || !result.data
        ? { ...current, loading: false, error: result.error }
        : {
            hits: [...current.hits, ...result.data.search.hits],
            done: result.data.search.hits.length < PAGE,
            loading: false,
            error: null,
          },
    );
  };

  if (!hits.length) return <NoResults query={query} filtered={Boolean(type)} />;

  return (
    <>
      <p className="search-count" role="status">
        {plural(total, { one: '# résultat', other: '# résultats' })}
      </p>
      {TYPE_ORDER.map((kind) => {
        const ofKind = hits.filter((hit) => hit.type === kind);
        if (!ofKind.length) return null;
        return (
          <section key={kind} className="search-group" aria-labelledby={`search-group-${kind}`}>
            <h2 id={`search-group-${kind}`}>
              {names[kind]} <span className="search-group-count">({ofKind.length})</span>
            </h2>
            <ul className="search-hits">
              {ofKind.map((hit) => (
                <SearchHitItem key={`${hit.type}:${hit.id}`} hit={hit} />
              ))}
            </ul>
          </section>
        );
      })}
      <ErrorMessage error={more.error} />
      {hasMore ? (
        <p className="more">
          <button type="button" className="button-secondary" onClick={() => void loadMore()} aria-busy={more.loading}>
            <Trans>Voir plus</Trans>
          </button>
        </p>
      ) : null}
    </>
  );
}

/** Where a hit leads: its question for a question or an answer, the post, the group, the person. */
function hitHref(hit: Hit): string {
  switch (hit.type) {
    case 'QUESTION':
      return `/questions/${hit.id}`;
    case 'ANSWER':
      return `/questions/${hit.questionId ?? ''}#reponse-${hit.id}`;
    case 'POST':
      return `/publications/${hit.id}`;
    case 'GROUP':
      return `/groupes/${hit.id}`;
    case 'PERSON':
      return `/personnes/${hit.id}`;
    case 'EVENT':
      return `/evenements/${hit.id}`;
  }
}

/** A link that navigates inside the app (no reload) while staying a real <a href> (new tab, copy link). */
function AppLink({ href, children }: { href: string; children: ReactNode }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href });
  };
  return (
    <a href={href} onClick={onClick}>
      {children}
    </a>
  );
}

function SearchHitItem({ hit }: { hit: Hit }) {
  return (
    <li className="search-hit">
      <p className="search-hit-title">
        <AppLink href={hitHref(hit)}>
          {hit.type === 'ANSWER' ? <Trans>Réponse à « {hit.title} »</Trans> : hit.title}
        </AppLink>
      </p>
      {hit.snippet ? (
        <p className="search-hit-snippet">
          <Snippet snippet={hit.snippet} />
        </p>
      ) : null}
      {hit.type !== 'PERSON' && hit.type !== 'GROUP' ? (
        <p className="search-hit-meta">
          <time dateTime={hit.createdAt}>{formatDate(hit.createdAt)}</time>
        </p>
      ) : null}
    </li>
  );
}

function NoResults({ query, filtered }: { query: string; filtered: boolean }) {
  return (
    <div className="search-empty">
      <p role="status">
        <Trans>Aucun résultat pour « {query} ».</Trans>
      </p>
      <p>
        <Trans>Quelques pistes :</Trans>
      </p>
      <ul>
        {filtered ? (
          <li>
            <Link to="/recherche" search={{ q: query }}>
              <Trans>cherchez dans tous les types de résultats</Trans>
            </Link>
          </li>
        ) : null}
        <li>
          <Trans>
            vérifiez l'orthographe, ou essayez un mot plus court ou plus général (« subvention » plutôt que «
            subventions régionales 2025 ») ;
          </Trans>
        </li>
        <li>
          <Trans>
            les contenus des groupes privés n'apparaissent qu'à leurs membres :{' '}
            <Link to="/groupes">parcourez les groupes</Link> ;
          </Trans>
        </li>
        <li>
          <Trans>
            cherchez une personne qui s'y connaît dans l'<Link to="/annuaire">annuaire</Link>, ou posez la question dans
            un groupe.
          </Trans>
        </li>
      </ul>
    </div>
  );
}
