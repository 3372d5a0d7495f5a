import { Inject, Injectable } from '@nestjs/common';
import {
  Meilisearch,
  type FederatedMultiSearchParams,
  type Hit,
  type MultiSearchQueryWithFederation,
} from 'meilisearch';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { INDEX_SETTINGS, SEARCH_INDEXES, SearchIndex } from './search-indexes';

export type SearchDocument = { id: string } & Record<string, unknown>;

export interface FederatedHit {
  index: SearchIndex;
  hit: Hit<SearchDocument>;
}

/**
 * The small adapter over Meilisearch (I/O stays behind small adapters, so the rest is testable and the engine swappable): index names, settings, document
 * writes, federated search and the build-aside-then-swap rebuild. Nothing else imports the client.
 */
@Injectable()
export class SearchClient {
  private readonly client: Meilisearch;
  private readonly prefix: string;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.client = new Meilisearch({
      host: config.meiliUrl,
      apiKey: config.meiliMasterKey,
      timeout: 5_000,
      // fetch asks for gzip by default: Meilisearch would compress every answer and we would inflate
      // it again, both on CPU the search shares, for a hop that never leaves the host or the network.
      requestInit: { headers: { 'accept-encoding': 'identity' } },
    });
    this.prefix = config.meiliIndexPrefix;
  }

  uid(index: SearchIndex): string {
    return `${this.prefix}_${index}`;
  }

  private indexOf(uid: string): SearchIndex {
    return uid.slice(this.prefix.length + 1).replace(/_rebuild$/, '') as SearchIndex;
  }

  isHealthy(): Promise<boolean> {
    return this.client.isHealthy();
  }

  /** Creates missing indexes and applies settings; idempotent, run at start. */
  async ensureIndexes(): Promise<void> {
    for (const index of SEARCH_INDEXES) await this.configure(this.uid(index), index);
  }

  private async configure(uid: string, index: SearchIndex): Promise<void> {
    const existing = await this.client.getRawIndex(uid).catch(() => undefined);
    if (!existing) await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 30_000 });
    await this.client.index(uid).updateSettings(INDEX_SETTINGS[index]).waitTask({ timeout: 30_000 });
  }

  /** Writes and removes a throwaway document in each index, so the first real write is not the slow one. */
  async warmUp(): Promise<void> {
    for (const index of SEARCH_INDEXES) {
      const documents = this.client.index(this.uid(index));
      await documents.addDocuments([{ id: 'warm-up' }], { primaryKey: 'id' }).waitTask({ timeout: 30_000 });
      await documents.deleteDocument('warm-up').waitTask({ timeout: 30_000 });
    }
  }

  /** Writes are enqueued by Meilisearch (durably) and applied in order; we do not wait for them. */
  async upsert(index: SearchIndex, documents: SearchDocument[]): Promise<void> {
    if (documents.length) await this.client.index(this.uid(index)).addDocuments(documents, { primaryKey: 'id' });
  }

  async remove(index: SearchIndex, ids: string[]): Promise<void> {
    if (ids.length) await this.client.index(this.uid(index)).deleteDocuments(ids);
  }

  /** One ranked list across indexes (Meilisearch federated multi-search), paged with offset/limit. */
  async federatedSearch(
    queries: (Omit<MultiSearchQueryWithFederation, 'indexUid'> & { index: SearchIndex })[],
    page: { offset: number; limit: number },
  ): Promise<{ hits: FederatedHit[]; estimatedTotal: number }> {
    const response = await this.client.multiSearch<FederatedMultiSearchParams, SearchDocument>({
      federation: { offset: page.offset, limit: page.limit },
      queries: queries.map(({ index, ...query }) => ({ ...query, indexUid: this.uid(index) })),
    });
    return {
      hits: response.hits.map((hit) => ({ index: this.indexOf(hit._federation?.indexUid ?? ''), hit })),
      estimatedTotal: response.estimatedTotalHits ?? response.hits.length,
    };
  }

  /**
   * Rebuilds one index with no window of empty results: fills `<uid>_rebuild`, swaps it with the
   * live index in one task, then drops the old copy.
   */
  async rebuild(index: SearchIndex, batches: AsyncIterable<SearchDocument[]>): Promise<number> {
    const live = this.uid(index);
    const aside = `${live}_rebuild`;
    await this.client.deleteIndexIfExists(aside);
    await this.configure(aside, index);
    await this.configure(live, index);
    let count = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      await this.client.index(aside).addDocuments(batch, { primaryKey: 'id' }).waitTask({ timeout: 120_000 });
      count += batch.length;
    }
    await this.client.swapIndexes([{ indexes: [live, aside], rename: false }]).waitTask({ timeout: 60_000 });
    await this.client.deleteIndex(aside).waitTask({ timeout: 60_000 });
    return count;
  }

  /** Waits until Meilisearch has applied every write enqueued so far (used by reindex and tests' helpers). */
  async settle(): Promise<void> {
    const { results } = await this.client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1000 });
    for (const task of results) await this.client.tasks.waitForTask(task.uid, { timeout: 120_000 });
  }
}
