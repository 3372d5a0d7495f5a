import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Lifecycle } from '../../common/health/lifecycle';
import { createLogger } from '../../common/logging/logger';
import { Job } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { SearchClient } from '../../infra/search/search-client';
import { SearchIndexJob, SearchKind, SearchWork } from '../../infra/search/search-work';
import { KIND_INDEX, loadDocuments } from './search-documents';

const BATCH = 500;
/** How often Meilisearch is asked whether it is back, while it is away; and otherwise. */
const PROBE_DOWN_MS = 1_000;
const PROBE_UP_MS = 5_000;

export interface IndexerStatus {
  /** Meilisearch answered the last time we asked. */
  reachable: boolean;
  /** Index work waiting in the job queue. */
  backlog: number;
  lastError?: string;
}

/**
 * Drains `search.index` jobs into Meilisearch, 500 at a time: reads the rows back from PostgreSQL,
 * upserts what exists and removes what is gone. The job system does the rest: the batch is claimed
 * by one instance, retried with a backoff capped at 60 s while Meilisearch is down (never given
 * up), and marked done in the transaction that read the rows. When Meilisearch comes back, the
 * waiting retries run at once.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger(SearchIndexer.name);
  private reachable = true;
  private ensured = false;
  private lastError?: string;
  private probe?: NodeJS.Timeout;

  constructor(
    private readonly search: SearchClient,
    private readonly jobs: JobsService,
    lifecycle: Lifecycle,
  ) {
    jobs.register({
      type: SearchIndexJob,
      batchSize: BATCH,
      retry: { attempts: Number.POSITIVE_INFINITY, baseSeconds: 1, maxSeconds: 60 },
      timeoutSeconds: 120,
      // The LISTEN notification wakes the indexer at once; this poll is only the fallback.
      pollSeconds: 1,
      handleBatch: (jobs, manager) => this.index(jobs, manager),
    });
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
    this.ensured = await this.search
      .ensureIndexes()
      .then(() => true)
      .catch((err: unknown) => {
        this.markUnreachable(err);
        this.logger.warn({ err }, 'Meilisearch unreachable at start: search is degraded until it returns');
        return false;
      });
    // A fresh Meilisearch is slow on the first write into each index (seconds): pay that now.
    if (this.reachable) void this.search.warmUp().catch(() => undefined);
    this.scheduleProbe();
  }

  onModuleDestroy(): void {
    clearTimeout(this.probe);
    this.probe = undefined;
  }

  async status(): Promise<IndexerStatus> {
    const { waiting } = await this.jobs.counts(SearchIndexJob);
    return { reachable: this.reachable, backlog: waiting, lastError: this.lastError };
  }

  /** One batch: the current documents of these rows, written; rows that are gone, removed. */
  private async index(jobs: Job<SearchWork>[], manager: EntityManager): Promise<void> {
    try {
      if (!this.ensured) {
        await this.search.ensureIndexes();
        this.ensured = true;
      }
      const byKind = new Map<SearchKind, Set<string>>();
      for (const { payload } of jobs) byKind.set(payload.kind, (byKind.get(payload.kind) ?? new Set()).add(payload.id));
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
      this.reachable = true;
      this.lastError = undefined;
    } catch (err) {
      this.markUnreachable(err);
      throw err;
    }
  }

  private markUnreachable(err: unknown): void {
    this.reachable = false;
    this.lastError = err instanceof Error ? err.message : String(err);
  }

  /** Asks Meilisearch how it is; when it returns after an outage, the waiting work is retried now. */
  private scheduleProbe(): void {
    this.probe = setTimeout(
      () => {
        void this.search
          .isHealthy()
          .catch(() => false)
          .then(async (healthy) => {
            const cameBack = healthy && !this.reachable;
            if (!healthy && this.reachable) this.markUnreachable(new Error('Meilisearch does not answer'));
            if (cameBack) {
              this.reachable = true;
              this.lastError = undefined;
              await this.jobs.retryNow(SearchIndexJob).catch(() => undefined);
            }
          })
          .finally(() => {
            if (this.probe) this.scheduleProbe();
          });
      },
      this.reachable ? PROBE_UP_MS : PROBE_DOWN_MS,
    );
    this.probe.unref();
  }
}
