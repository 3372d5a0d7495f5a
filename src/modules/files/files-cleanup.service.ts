import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { enqueueMany } from '../../infra/jobs/enqueue';
import { jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { OBJECT_STORE, ObjectStore } from './storage/object-store';

/** Objects whose rows are gone (an erased person's files): removed from the store, retried until done. */
export const DeleteObjectsJob = jobType<{ keys: string[] }>('files.delete-objects');
/** Uploads never attached to a post, removed a day after they were sent. */
export const PurgeOrphansJob = jobType<Record<string, never>>('files.purge-orphans');

/** How long an upload may wait for its post. */
export const ORPHAN_HOURS = 24;

/**
 * Queues the removal of objects in the caller's transaction: they go once the rows that named them
 * are gone for good (the transaction committed), never before.
 */
export async function deleteObjectsLater(manager: EntityManager, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 200)
    await enqueueMany(manager, DeleteObjectsJob, [{ payload: { keys: keys.slice(i, i + 200) } }]);
}

@Injectable()
export class FilesCleanup {
  constructor(
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    jobs: JobsService,
  ) {
    jobs.register({
      type: DeleteObjectsJob,
      retry: { attempts: Number.POSITIVE_INFINITY, baseSeconds: 5, maxSeconds: 600 },
      handle: async (job) => this.store.delete(job.payload.keys),
    });
    jobs.register({
      type: PurgeOrphansJob,
      schedule: { every: 3600 },
      exclusive: true,
      timeoutSeconds: 1800,
      handle: async (_job, manager) => {
        await this.purgeOrphans(manager);
      },
    });
  }

  /**
   * Objects first, then rows (in the job's transaction): a crash in between leaves rows whose
   * objects are gone, which the next run removes; never an object no row names.
   */
  async purgeOrphans(manager: EntityManager): Promise<number> {
    let removed = 0;
    for (;;) {
      const rows = (await manager.query(
        `SELECT id, storage_key, thumbnail_key FROM files
          WHERE post_id IS NULL AND created_at < now() - make_interval(hours => $1)
          ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [ORPHAN_HOURS],
      )) as { id: string; storage_key: string; thumbnail_key: string | null }[];
      if (rows.length === 0) return removed;
      await this.store.delete(
        rows.flatMap((row) => [row.storage_key, ...(row.thumbnail_key ? [row.thumbnail_key] : [])]),
      );
      await manager.query('DELETE FROM files WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
      removed += rows.length;
    }
  }
}
