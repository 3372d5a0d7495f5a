import type { Settings } from 'meilisearch';

/** The indexes and their settings, chosen for French content. */
export type SearchIndex = 'questions' | 'answers' | 'posts' | 'groups' | 'people' | 'events';
export const SEARCH_INDEXES: SearchIndex[] = ['questions', 'answers', 'posts', 'groups', 'people', 'events'];

/** Markers around matches, swapped for <mark> after the text is HTML-escaped, so user text can never inject markup. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

const RANKING = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];

const common: Settings = {
  filterableAttributes: ['groupId', 'visibility', 'type'],
  sortableAttributes: ['createdAt'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  // Short French function words carry no meaning in a query.
  stopWords: [
    'le',
    'la',
    'les',
    'un',
    'une',
    'des',
    'de',
    'du',
    'et',
    'à',
    'au',
    'aux',
    'en',
    'pour',
    'comment',
    'est',
    'que',
    'qui',
  ],
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
  // Nothing asks Meilisearch to search facet values; not building that structure makes every write cheaper.
  facetSearch: false,
};

export const INDEX_SETTINGS: Record<SearchIndex, Settings> = {
  questions: {
    ...common,
    searchableAttributes: ['title', 'tags', 'body', 'authorName'],
    filterableAttributes: ['groupId', 'visibility', 'type', 'status', 'tags'],
    // Answered questions first when relevance ties: they are the useful ones to find again.
    rankingRules: ['words', 'typo', 'answered:desc', 'proximity', 'attribute', 'sort', 'exactness'],
  },
  answers: {
    ...common,
    searchableAttributes: ['body', 'questionTitle', 'authorName'],
    // An accepted answer ranks above an unaccepted one that matches as well.
    rankingRules: ['words', 'typo', 'isAccepted:desc', 'proximity', 'attribute', 'sort', 'exactness', 'score:desc'],
  },
  posts: { ...common, searchableAttributes: ['body', 'authorName'], rankingRules: RANKING },
  groups: { ...common, searchableAttributes: ['name', 'topics', 'description'], rankingRules: RANKING },
  people: {
    ...common,
    searchableAttributes: ['displayName', 'jobTitle', 'skills', 'interests'],
    rankingRules: RANKING,
  },
  events: { ...common, searchableAttributes: ['title', 'description', 'location'], rankingRules: RANKING },
};
