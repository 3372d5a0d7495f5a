import { EntityManager } from 'typeorm';
import { enqueueMany } from '../jobs/enqueue';
import { jobType } from '../jobs/job-types';

export type SearchKind = 'question' | 'answer' | 'post' | 'group' | 'person' | 'event';

/** "Look again at this row": the indexer reads the current row when it runs, so replays are harmless. */
export interface SearchWork {
  kind: SearchKind;
  id: string;
}

/** Index work, one job per changed row, drained in batches by the search indexer. */
export const SearchIndexJob = jobType<SearchWork>('search.index');

/**
 * Queues index work in the caller's transaction, so the index hears of a write exactly when it
 * commits, and whatever happens to Meilisearch meanwhile, the work waits in PostgreSQL. A queued
 * item says "look again at this", never "write this".
 */
export async function enqueueSearchWork(manager: EntityManager, work: SearchWork[]): Promise<void> {
  await enqueueMany(
    manager,
    SearchIndexJob,
    work.map((payload) => ({ payload })),
  );
}
