import { EntityManager } from 'typeorm';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';
import { enqueueSearchWork } from '../../infra/search/search-work';
import { deleteObjectsLater } from './files-cleanup.service';

/** The person's files go with them, objects included (after the erasure commits), and out of search. */
async function erase(manager: EntityManager, userId: string): Promise<void> {
  const rows = (await manager.query(
    `SELECT f.id, f.storage_key, f.thumbnail_key,
            -- A commission's published copy links the same object (its row has no uploader): it stays.
            EXISTS (SELECT 1 FROM files o WHERE o.storage_key = f.storage_key AND o.uploader_id IS DISTINCT FROM $1) AS shared
       FROM files f WHERE f.uploader_id = $1`,
    [userId],
  )) as { id: string; storage_key: string; thumbnail_key: string | null; shared: boolean }[];
  await deleteObjectsLater(
    manager,
    rows
      .filter((row) => !row.shared)
      .flatMap((row) => [row.storage_key, ...(row.thumbnail_key ? [row.thumbnail_key] : [])]),
  );
  await enqueueSearchWork(
    manager,
    rows.map((row) => ({ kind: 'document', id: row.id })),
  );
}

export const FILES_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'files',
  erase,
  tables: [
    {
      table: 'files',
      columns: { uploader_id: 'delete' },
      export: {
        key: 'files',
        sql: `SELECT id, name, mime_type AS "mimeType", size::int AS size, post_id AS "postId", created_at AS "createdAt"
                FROM files WHERE uploader_id = $1 ORDER BY created_at`,
      },
    },
  ],
};
