import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { BadInputError, ConflictError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { enqueueSearchWork } from '../../infra/search/search-work';
import { PostEntity } from '../posts/post.entity';
import { PostsService } from '../posts/posts.service';
import { CommissionEntity } from './commission.entity';
import { PublicationStatusValue } from './commission.model';
import { CommissionsService } from './commissions.service';

/**
 * The way from the working group to the showcase. A member of the working group proposes one of
 * its posts; an owner or moderator (or an admin of the organisation) publishes it: a new post in
 * the showcase with the body and the attachments (never comments or reactions), without an author
 * (`author_id` NULL: no member's name), signed by the commission through
 * `commission_publications.copy_post_id`.
 * The copy enters the normal pipeline (`post.created`: feed, `post:new`, search).
 */
@Injectable()
export class CommissionPublicationsService {
  constructor(
    private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly access: GroupAccess,
    private readonly commissions: CommissionsService,
    private readonly events: DomainEvents,
  ) {}

  /** NOT_FOUND when unreadable; BAD_USER_INPUT (`postId`) when not a working post; FORBIDDEN to non-members. */
  async propose(viewerId: string, postId: string): Promise<PostEntity> {
    const { post, standing } = await this.posts.readable(viewerId, postId);
    const commission = await this.workingCommission(this.db.manager, post);
    this.access.require(standing, 'post');
    await this.db.query(
      `INSERT INTO commission_publications (post_id, commission_id, proposed_by) VALUES ($1, $2, $3)
       ON CONFLICT (post_id) DO NOTHING`,
      [post.id, commission.id, viewerId],
    );
    return post;
  }

  /** Returns the copy. CONFLICT when a live copy exists already (one whose copy was deleted may be published again). */
  async publish(viewerId: string, postId: string): Promise<PostEntity> {
    const { post, standing } = await this.posts.readable(viewerId, postId);
    const commission = await this.workingCommission(this.db.manager, post);
    this.access.require(standing, 'moderate');
    return this.db.transaction(async (manager) => {
      // Publishing directly (without a proposal) is allowed to those who may publish.
      await manager.query(
        `INSERT INTO commission_publications (post_id, commission_id, proposed_by) VALUES ($1, $2, $3)
         ON CONFLICT (post_id) DO NOTHING`,
        [post.id, commission.id, viewerId],
      );
      // The row lock serialises two publishers of the same post: the second one sees the first copy.
      const [row] = (await manager.query(
        `SELECT (cp.copy_post_id IS NOT NULL AND copy.deleted_at IS NULL) AS published
           FROM commission_publications cp LEFT JOIN posts copy ON copy.id = cp.copy_post_id
          WHERE cp.post_id = $1 FOR UPDATE OF cp`,
        [post.id],
      )) as { published: boolean }[];
      if (row.published)
        throw new ConflictError('ALREADY_PUBLISHED', 'This post is already in the showcase', ['postId']);
      const repository = manager.getRepository(PostEntity);
      const copy = await repository.save(
        repository.create({
          groupId: commission.showcaseGroupId,
          authorId: null,
          body: post.body,
          commentCount: 0,
          reactionCount: 0,
        }),
      );
      await manager.query(
        `UPDATE commission_publications SET published_by = $2, published_at = now(), copy_post_id = $3 WHERE post_id = $1`,
        [post.id, viewerId, copy.id],
      );
      await this.copyAttachments(manager, post.id, copy);
      // `authorId` is the publisher: only the live announcement uses it, to leave them out (their page shows the copy).
      await this.events.publish(manager, {
        type: 'post.created',
        postId: copy.id,
        groupId: copy.groupId,
        authorId: viewerId,
      });
      return copy;
    });
  }

  /**
   * The original's attachments, carried by the copy too: new rows linking the same stored objects
   * (no bytes copied), without an uploader (no member's name), indexed for search under the showcase.
   */
  private async copyAttachments(manager: EntityManager, originalId: string, copy: PostEntity): Promise<void> {
    const rows = (await manager.query(
      `INSERT INTO files (uploader_id, name, mime_type, size, storage_key, thumbnail_key, post_id, group_id, position, attached_at)
       SELECT NULL, name, mime_type, size, storage_key, thumbnail_key, $2, $3, position, now()
         FROM files WHERE post_id = $1
       RETURNING id`,
      [originalId, copy.id, copy.groupId],
    )) as { id: string }[];
    await enqueueSearchWork(
      manager,
      rows.map(({ id }) => ({ kind: 'document', id })),
    );
  }

  private async workingCommission(manager: EntityManager, post: PostEntity): Promise<CommissionEntity> {
    const commission = await this.commissions.byWorkingGroup(manager, post.groupId);
    if (!commission)
      throw new BadInputError({ postId: "is not a post of a commission's working group" }, 'NOT_COMMISSION_POST');
    return commission;
  }

  /** PROPOSED or PUBLISHED for a working post (a deleted copy counts as not published), null otherwise; batched. */
  status(loaders: RequestLoaders, postId: string): Promise<PublicationStatusValue | null> {
    return loaders
      .get<string, PublicationStatusValue | null>('commissions.publicationStatus', async (ids) => {
        const rows = (await this.db.query(
          `SELECT cp.post_id AS id, (copy.id IS NOT NULL AND copy.deleted_at IS NULL) AS published
             FROM commission_publications cp LEFT JOIN posts copy ON copy.id = cp.copy_post_id
            WHERE cp.post_id = ANY($1::uuid[])`,
          [ids],
        )) as { id: string; published: boolean }[];
        const found = new Map(rows.map((row) => [row.id, row.published ? 'PUBLISHED' : 'PROPOSED'] as const));
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(postId);
  }

  /** The commission that signed this post (a showcase copy), batched; null for any other post. */
  publisher(loaders: RequestLoaders, postId: string): Promise<string | null> {
    return loaders
      .get<string, string | null>('commissions.publisherOf', async (ids) => {
        const rows = (await this.db.query(
          'SELECT copy_post_id AS id, commission_id FROM commission_publications WHERE copy_post_id = ANY($1::uuid[])',
          [ids],
        )) as { id: string; commission_id: string }[];
        const found = new Map(rows.map((row) => [row.id, row.commission_id]));
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(postId);
  }
}
