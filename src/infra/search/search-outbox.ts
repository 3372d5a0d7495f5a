import { EntityManager } from 'typeorm';

export type SearchKind = 'question' | 'answer' | 'post' | 'group' | 'person';

export interface SearchWork {
  kind: SearchKind;
  id: string;
}

/**
 * Queues index work in the caller's transaction, so the index hears of a write exactly when it
 * commits (ARCHITECTURE rule 8). The indexer reads the current rows when it drains: a queued item
 * says "look again at this", never "write this", which makes replays harmless.
 */
export async function enqueueSearchWork(manager: EntityManager, work: SearchWork[]): Promise<void> {
  if (work.length === 0) return;
  await manager.query(`INSERT INTO search_outbox (kind, entity_id) SELECT * FROM unnest($1::text[], $2::uuid[])`, [
    work.map((w) => w.kind),
    work.map((w) => w.id),
  ]);
}
