import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Lifecycle } from '../../common/health/lifecycle';
import { createLogger } from '../../common/logging/logger';
import { SearchClient } from '../../infra/search/search-client';
import { SearchKind } from '../../infra/search/search-outbox';
import { KIND_INDEX, loadDocuments } from './search-documents';

const BATCH = 500;
const IDLE_POLL_MS = 200;
const MAX_BACKOFF_S = 60;

export interface IndexerStatus {
  /** Meilisearch answered the last time we asked. */
  reachable: boolean;
  /** Index work waiting in the outbox. */
  backlog: number;
  lastError?: string;
}

/**
 * Drains the search outbox into Meilisearch. Each batch is claimed with FOR UPDATE SKIP LOCKED
 * (so several instances share the work), read back from PostgreSQL, written to Meilisearch, and
 * deleted in the same transaction. On failure the batch stays, with a backoff; nothing is lost
 * while Meilisearch is down, and the backlog drains by itself when it returns.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger(SearchIndexer.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private reachable = true;
  private lastError?: string;

  constructor(
    private readonly db: DataSource,
    private readonly search: SearchClient,
    lifecycle: Lifecycle,
  ) {
    // Search being down never makes the instance unready: writes still succeed and queue up.
    lifecycle.registerCheck('search', async () => {
      const status = await this.status();
      return {
        status: status.reachable && status.backlog < 10_000 ? 'up' : 'degraded',
        detail: {
          reachable: status.reachable,
          backlog: status.backlog,
          ...(status.lastError ? { lastError: status.lastError } : {}),
        },
      };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.search.ensureIndexes().catch((err: unknown) => {
      this.reachable = false;
      this.logger.warn({ err }, 'Meilisearch unreachable at start: search is degraded until it returns');
    });
    this.running = true;
    this.loop = this.run();
    // A fresh Meilisearch is slow on the first write into each index (seconds): pay that now.
    if (this.reachable) void this.search.warmUp().catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  async status(): Promise<IndexerStatus> {
    const [{ count }] = (await this.db.query('SELECT count(*)::int AS count FROM search_outbox')) as {
      count: number;
    }[];
    return { reachable: this.reachable, backlog: count, lastError: this.lastError };
  }

  private async run(): Promise<void> {
    let ensured = this.reachable;
    let idle = 0;
    while (this.running) {
      let worked = 0;
      try {
        if (!ensured) {
          await this.search.ensureIndexes();
          ensured = true;
        }
        worked = await this.drainOnce();
        if (worked > 0) {
          this.reachable = true;
          this.lastError = undefined;
        } else if (!this.reachable || ++idle % 25 === 0) {
          // Nothing was sent: ask Meilisearch itself (every poll while down, every ~5 s otherwise).
          this.reachable = await this.search.isHealthy().catch(() => false);
        }
      } catch (err) {
        this.reachable = false;
        this.lastError = err instanceof Error ? err.message : String(err);
        this.logger.warn({ err: this.lastError }, 'search indexing failed; will retry');
      }
      if (worked === 0 && this.running) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, IDLE_POLL_MS);
        });
      }
    }
  }

  /** One batch; returns how many outbox rows it completed. */
  async drainOnce(): Promise<number> {
    const outcome = await this.db.transaction(async (manager): Promise<{ done: number; error?: unknown }> => {
      const claimed = (await manager.query(
        `SELECT id, kind, entity_id FROM search_outbox
          WHERE available_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      )) as { id: string; kind: SearchKind; entity_id: string }[];
      if (claimed.length === 0) return { done: 0 };
      try {
        const byKind = new Map<SearchKind, Set<string>>();
        for (const row of claimed) {
          const ids = byKind.get(row.kind) ?? new Set<string>();
          ids.add(row.entity_id);
          byKind.set(row.kind, ids);
        }
        for (const [kind, idSet] of byKind) {
          const ids = [...idSet];
          const documents = await loadDocuments(manager, kind, ids);
          const present = new Set(documents.map((d) => d.id));
          await this.search.upsert(KIND_INDEX[kind], documents);
          await this.search.remove(
            KIND_INDEX[kind],
            ids.filter((id) => !present.has(id)),
          );
        }
      } catch (err) {
        // Keep the batch for later (exponential backoff per row, capped), committed with this transaction.
        await manager.query(
          `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2,
                  available_at = now() + make_interval(secs => least($3, power(2, attempts)))
            WHERE id = ANY($1::bigint[])`,
          [claimed.map((row) => row.id), err instanceof Error ? err.message.slice(0, 500) : String(err), MAX_BACKOFF_S],
        );
        return { done: 0, error: err };
      }
      await manager.query('DELETE FROM search_outbox WHERE id = ANY($1::bigint[])', [claimed.map((row) => row.id)]);
      return { done: claimed.length };
    });
    if (outcome.error) throw outcome.error;
    return outcome.done;
  }
}
