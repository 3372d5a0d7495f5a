import { Injectable } from '@nestjs/common';
import { GroupAccess } from '../../access/group-access.service';
import { ServiceUnavailableError } from '../../common/errors/app-error';
import { createLogger } from '../../common/logging/logger';
import { FederatedHit, SearchClient, SearchDocument } from '../../infra/search/search-client';
import { MATCH_END, MATCH_START, SearchIndex } from '../../infra/search/search-indexes';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsService } from '../questions/questions.service';
import { SearchArgs, SearchHitModel, SearchType } from './search.model';

const TYPE_INDEX: Record<SearchType, SearchIndex> = {
  QUESTION: 'questions',
  ANSWER: 'answers',
  POST: 'posts',
  GROUP: 'groups',
  PERSON: 'people',
  EVENT: 'events',
};
/** Indexes of group content, filtered by the access policy. Group names and people are visible to all. */
const CONTENT: SearchIndex[] = ['questions', 'answers', 'posts', 'events'];

/** Where a hit's title and snippet come from, per index. */
const DISPLAY: Record<SearchIndex, { title: string; snippet: string[] }> = {
  questions: { title: 'title', snippet: ['body', 'title', 'tags'] },
  answers: { title: 'questionTitle', snippet: ['body', 'questionTitle'] },
  posts: { title: 'body', snippet: ['body'] },
  groups: { title: 'name', snippet: ['description', 'name', 'topics'] },
  people: { title: 'displayName', snippet: ['jobTitle', 'skills', 'interests', 'displayName'] },
  events: { title: 'title', snippet: ['description', 'title', 'location'] },
};

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** User text is escaped first; only our own match markers become <mark>. */
export function toSnippet(text: string): string {
  return escapeHtml(text.replaceAll('<mark>', '').replaceAll('</mark>', ''))
    .replaceAll(MATCH_START, '<mark>')
    .replaceAll(MATCH_END, '</mark>');
}

/** Meilisearch restarts in seconds; the indexer looks for it every second while it is away. */
const SEARCH_RETRY_AFTER_S = 5;

const asText = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';

@Injectable()
export class SearchService {
  private readonly logger = createLogger(SearchService.name);

  constructor(
    private readonly client: SearchClient,
    private readonly access: GroupAccess,
    private readonly questions: QuestionsService,
  ) {}

  async search(viewerId: string, args: SearchArgs): Promise<{ hits: SearchHitModel[]; estimatedTotal: number }> {
    if (args.groupId) await this.access.assert(viewerId, args.groupId, 'readContent');
    // People belong to no group: a group-scoped search leaves them out.
    const types = (args.types?.length ? [...new Set(args.types)] : Object.values(SearchType)).filter(
      (type) => !(args.groupId && type === SearchType.PERSON),
    );
    if (types.length === 0) return { hits: [], estimatedTotal: 0 };
    // The access policy's filter: unreadable private content is excluded by the engine itself.
    const contentFilter = await this.access.searchFilter(viewerId);
    const queries = types.map((type) => {
      const index = TYPE_INDEX[type];
      const filters = [
        CONTENT.includes(index) ? contentFilter : undefined,
        args.groupId ? `groupId = ${JSON.stringify(args.groupId)}` : undefined,
      ].filter((f): f is string => !!f);
      return {
        index,
        q: args.query,
        filter: filters.length ? filters.map((f) => `(${f})`).join(' AND ') : undefined,
        // Only what a hit shows: whole documents (a post's body, an answer's text) cost both ends.
        attributesToRetrieve: [
          ...new Set(['id', 'groupId', 'questionId', 'createdAt', DISPLAY[index].title, ...DISPLAY[index].snippet]),
        ],
        attributesToHighlight: DISPLAY[index].snippet,
        attributesToCrop: DISPLAY[index].snippet,
        cropLength: 24,
        highlightPreTag: MATCH_START,
        highlightPostTag: MATCH_END,
      };
    });
    const result = await this.run(() =>
      this.client.federatedSearch(queries, { offset: args.offset, limit: args.first }),
    );
    return { hits: result.hits.map(toHit), estimatedTotal: result.estimatedTotal };
  }

  /** Earlier questions the viewer may read, best first, answered ones preferred (a ranking rule of the index). */
  async similarQuestions(viewerId: string, text: string, first: number): Promise<QuestionEntity[]> {
    const filter = await this.access.searchFilter(viewerId);
    const result = await this.run(() =>
      this.client.federatedSearch(
        [{ index: 'questions', q: text, filter, matchingStrategy: 'last', attributesToRetrieve: ['id'] }],
        {
          offset: 0,
          limit: first * 2,
        },
      ),
    );
    // Read back from PostgreSQL: the source of truth drops anything deleted since it was indexed.
    const found = await this.questions.readableAmong(
      viewerId,
      result.hits.map((hit) => hit.hit.id),
    );
    return found.slice(0, first);
  }

  private async run<T>(search: () => Promise<T>): Promise<T> {
    try {
      return await search();
    } catch (err) {
      this.logger.warn({ err }, 'search failed');
      throw new ServiceUnavailableError('SEARCH_UNAVAILABLE', SEARCH_RETRY_AFTER_S);
    }
  }
}

function toHit({ index, hit }: FederatedHit): SearchHitModel {
  const formatted = (hit._formatted ?? {}) as Partial<SearchDocument>;
  const display = DISPLAY[index];
  const marked = display.snippet.map((field) => asText(formatted[field])).find((text) => text.includes(MATCH_START));
  const title = asText(hit[display.title]);
  return {
    type: (Object.keys(TYPE_INDEX) as SearchType[]).find((type) => TYPE_INDEX[type] === index) as SearchType,
    id: hit.id,
    title: index === 'posts' ? (title.length > 80 ? `${title.slice(0, 79)}…` : title) : title,
    snippet: toSnippet(marked ?? asText(formatted[display.snippet[0]]) ?? ''),
    groupId: index === 'people' ? null : ((hit.groupId as string | undefined) ?? null),
    questionId:
      index === 'answers' ? ((hit.questionId as string | undefined) ?? null) : index === 'questions' ? hit.id : null,
    createdAt: new Date(Number(hit.createdAt) * 1000),
  };
}
