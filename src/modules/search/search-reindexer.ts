import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchClient } from '../../infra/search/search-client';
import { SearchKind } from '../../infra/search/search-work';
import { allDocuments, KIND_INDEX } from './search-documents';

/** `npm run cli -- reindex`: rebuilds every index from PostgreSQL, each built aside and swapped in. */
@Injectable()
export class SearchReindexer {
  constructor(
    private readonly db: DataSource,
    private readonly client: SearchClient,
  ) {}

  async reindexAll(): Promise<Record<SearchKind, number>> {
    const counts = {} as Record<SearchKind, number>;
    for (const kind of Object.keys(KIND_INDEX) as SearchKind[]) {
      counts[kind] = await this.client.rebuild(KIND_INDEX[kind], allDocuments(this.db.manager, kind));
    }
    return counts;
  }
}
