import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { mayReadContent } from '../../access/group-policy';
import { BadInputError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { groupByKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { createLogger } from '../../common/logging/logger';
import { Connection } from '../../common/pagination/connection';
import { addWordFilters, newestFirst } from '../../common/pagination/filters';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { enqueueSearchWork } from '../../infra/search/search-work';
import { FileEntity } from './file.entity';
import { judgeFile } from './file-kind';
import { reencodeImage } from './images';
import { OBJECT_STORE, ObjectStore } from './storage/object-store';
import { cleanFileName, receiveUpload, UploadRefusedError } from './upload-receiver';

/** At most this many files on one post. */
export const MAX_FILES_PER_POST = 10;

/**
 * Uploads, attachments and who may read a file. A file follows exactly the access of the post
 * that carries it; before it is attached, only its uploader sees it.
 */
@Injectable()
export class FilesService implements OnModuleInit {
  private readonly logger = createLogger(FilesService.name);
  private readonly tempDir: string;

  constructor(
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    @Inject(OBJECT_STORE) readonly store: ObjectStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    events: DomainEvents,
  ) {
    this.tempDir = join(config.dataDir, 'uploads-in-progress');
    // Attaching is part of creating the post: same transaction, so a refused file refuses the post.
    events.subscribe('post.created', async (event, { manager }) => {
      if (event.fileIds?.length) await this.attach(manager, event.postId, event.groupId, event.authorId, event.fileIds);
    });
    events.subscribe('post.deleted', async (event, { manager }) => {
      const ids = (await manager.query('SELECT id FROM files WHERE post_id = $1', [event.postId])) as { id: string }[];
      await enqueueSearchWork(
        manager,
        ids.map(({ id }) => ({ kind: 'document', id })),
      );
    });
  }

  /** Temporary files of uploads cut by a crash are removed at start. */
  async onModuleInit(): Promise<void> {
    await mkdir(this.tempDir, { recursive: true });
    for (const name of await readdir(this.tempDir)) {
      const path = join(this.tempDir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(path, { force: true });
    }
  }

  /**
   * Receives one upload: streamed to a temporary file (size limit enforced on the way), judged by
   * its content, images re-encoded without metadata and thumbnailed, then written to the object
   * store and recorded. Whatever fails, the temporary files go and no object or row remains.
   */
  async upload(uploaderId: string, req: IncomingMessage): Promise<FileEntity> {
    const received = await receiveUpload(req, this.tempDir, this.config.maxUploadBytes);
    const cleaned = `${received.path}.clean`;
    const id = randomUUID();
    const stored: string[] = [];
    try {
      if (received.size === 0) throw new UploadRefusedError(400, 'The file is empty');
      const name = cleanFileName(received.name);
      const kind = await judgeFile(received.path, received.size, name);
      if (!kind) throw new UploadRefusedError(415, 'Only PDF, images, office documents, text and CSV are accepted');
      let source = received.path;
      let size = received.size;
      let thumbnail: Buffer | null = null;
      if (kind.image) {
        try {
          thumbnail = await reencodeImage(received.path, kind.mimeType, cleaned);
        } catch (err) {
          this.logger.info({ err }, 'image refused: it does not decode');
          throw new UploadRefusedError(415, 'The image could not be read');
        }
        source = cleaned;
        size = (await stat(cleaned)).size;
      }
      await this.store.put(id, createReadStream(source), size, kind.mimeType);
      stored.push(id);
      const thumbnailKey = thumbnail ? `${id}-thumbnail` : null;
      if (thumbnail && thumbnailKey) {
        await this.store.put(thumbnailKey, Readable.from([thumbnail]), thumbnail.length, 'image/webp');
        stored.push(thumbnailKey);
      }
      return await this.files.save(
        this.files.create({
          id,
          uploaderId,
          name,
          mimeType: kind.mimeType,
          size,
          storageKey: id,
          thumbnailKey,
          postId: null,
          groupId: null,
          position: 0,
          attachedAt: null,
        }),
      );
    } catch (err) {
      if (stored.length) await this.store.delete(stored).catch(() => undefined);
      throw err;
    } finally {
      await Promise.all([rm(received.path, { force: true }), rm(cleaned, { force: true })]);
    }
  }

  /** In the post's transaction: the files become the post's, in the order given. */
  private async attach(
    manager: EntityManager,
    postId: string,
    groupId: string,
    uploaderId: string,
    fileIds: string[],
  ): Promise<void> {
    const unique = [...new Set(fileIds)];
    if (unique.length > MAX_FILES_PER_POST)
      throw new BadInputError({ fileIds: `at most ${MAX_FILES_PER_POST} files` }, 'FILE_NOT_ATTACHABLE');
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [attached] = (await manager.query(
      `UPDATE files SET post_id = $1, group_id = $2, attached_at = now(), position = array_position($4::uuid[], id)
        WHERE id = ANY($4::uuid[]) AND uploader_id = $3 AND post_id IS NULL
        RETURNING id`,
      [postId, groupId, uploaderId, unique],
    )) as [{ id: string }[], number];
    if (attached.length !== unique.length)
      throw new BadInputError(
        { fileIds: 'each file must be one you uploaded and that no post carries yet' },
        'FILE_NOT_ATTACHABLE',
      );
    await enqueueSearchWork(
      manager,
      attached.map(({ id }) => ({ kind: 'document', id })),
    );
  }

  /**
   * The file when `viewerId` may read it: attached, the post is live and its group's content
   * readable by the viewer; unattached, the viewer uploaded it. Null otherwise, as if it did not exist.
   */
  async readable(viewerId: string, fileId: string): Promise<FileEntity | null> {
    const [row] = (await this.db.query(
      `SELECT f.id, f.uploader_id, f.post_id, f.group_id, (p.deleted_at IS NULL) AS live
         FROM files f LEFT JOIN posts p ON p.id = f.post_id WHERE f.id = $1`,
      [fileId],
    )) as { id: string; uploader_id: string | null; post_id: string | null; group_id: string | null; live: boolean }[];
    if (!row) return null;
    if (!row.post_id) return row.uploader_id === viewerId ? this.files.findOneBy({ id: fileId }) : null;
    if (!row.live || !row.group_id) return null;
    const standing = (await this.access.standings(viewerId, [row.group_id])).get(row.group_id);
    return standing && mayReadContent(standing) ? this.files.findOneBy({ id: fileId }) : null;
  }

  /** The files of posts the caller has already found readable, batched per request, in their order. */
  loadForPost(loaders: RequestLoaders, postId: string): Promise<FileEntity[]> {
    return loaders
      .get<string, FileEntity[]>('files.byPost', async (postIds) => {
        const rows = await this.files.find({ where: { postId: In([...postIds]) }, order: { position: 'ASC' } });
        return groupByKey(postIds, rows, (row) => row.postId!);
      })
      .load(postId);
  }

  /** A group's documents (files of its live posts), newest first, optionally by name. FORBIDDEN to those who may not read it. */
  async documents(
    viewerId: string,
    groupId: string,
    search: string | undefined,
    first: number,
    after?: string,
  ): Promise<Connection<FileEntity>> {
    await this.access.assert(viewerId, groupId, 'readContent');
    const where = ['f.group_id = $1', 'p.deleted_at IS NULL'];
    const params: unknown[] = [groupId];
    addWordFilters(where, params, search, 'f.name');
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT f.id FROM files f JOIN posts p ON p.id = f.post_id',
      where,
      params,
      ...newestFirst('f'),
      first,
      after,
    });
    return hydrate(page, this.files);
  }
}
