import { GraphQLResponse } from './graphql-client';
import { TestApp } from './test-app';

/** Search through the public GraphQL API (`search`, `similarQuestions`), as a client would. */
export type SearchType = 'QUESTION' | 'ANSWER' | 'POST' | 'GROUP' | 'PERSON';

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  snippet: string;
  groupId: string | null;
  questionId: string | null;
  createdAt: string;
}

export interface SearchResult {
  hits: SearchHit[];
  estimatedTotal: number;
}

export interface SearchOptions {
  types?: SearchType[];
  groupId?: string;
  first?: number;
  offset?: number;
}

export const SEARCH = `query($query: String!, $types: [SearchType!], $groupId: ID, $first: Int! = 20, $offset: Int! = 0) {
  search(query: $query, types: $types, groupId: $groupId, first: $first, offset: $offset) {
    estimatedTotal hits { type id title snippet groupId questionId createdAt } } }`;

/** The raw response, for calls expected to fail. */
export function searchRaw(
  app: TestApp,
  token: string,
  query: string,
  options: SearchOptions = {},
): Promise<GraphQLResponse<{ search: SearchResult }>> {
  return app.gql<{ search: SearchResult }>(SEARCH, { query, ...options }, token);
}

/** The result of a search that must succeed (else its errors are thrown). */
export async function search(
  app: TestApp,
  token: string,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const res = await searchRaw(app, token, query, options);
  if (res.errors?.length || !res.data) throw new Error(`search "${query}" failed: ${JSON.stringify(res.errors)}`);
  return res.data.search;
}

/** The ids of the hits, best first. */
export async function searchIds(
  app: TestApp,
  token: string,
  query: string,
  options: SearchOptions = {},
): Promise<string[]> {
  return (await search(app, token, query, options)).hits.map((hit) => hit.id);
}
