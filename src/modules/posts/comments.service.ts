import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { allows, mayReadContent } from '../../access/group-policy';
import { ForbiddenError, NotFoundError } from '../../common/errors/app-error';
import { Connection } from '../../common/pagination/connection';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { NotificationsService } from '../notifications/notifications.service';
import { CommentEntity } from './comment.entity';
import { PostsService } from './posts.service';

@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly access: GroupAccess,
    private readonly notifications: NotificationsService,
  ) {}

  /** Adds a comment and, in the same transaction, bumps the count and notifies the post's author (if they may still read it). */
  async add(viewerId: string, postId: string, body: string): Promise<CommentEntity> {
    const { post, standing } = await this.posts.readable(viewerId, postId);
    if (!allows(standing, 'comment')) throw new ForbiddenError('You may not comment in this group');
    const { comment, notified } = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(CommentEntity);
      const saved = await repository.save(repository.create({ postId, authorId: viewerId, body: body.trim() }));
      await manager.query('UPDATE posts SET comment_count = comment_count + 1 WHERE id = $1', [postId]);
      let recorded: Awaited<ReturnType<NotificationsService['record']>> = [];
      if (post.authorId && post.authorId !== viewerId) {
        const authorStanding = (await this.access.standings(post.authorId, [post.groupId], manager)).get(post.groupId);
        if (authorStanding && mayReadContent(authorStanding)) {
          recorded = await this.notifications.record(manager, [
            {
              userId: post.authorId,
              type: 'NEW_COMMENT',
              actorId: viewerId,
              subjectId: postId,
              text: 'Nouveau commentaire sur votre publication',
            },
          ]);
        }
      }
      return { comment: saved, notified: recorded };
    });
    this.notifications.deliver(notified);
    return comment;
  }

  async delete(viewerId: string, commentId: string): Promise<void> {
    const comment = await this.comments.findOne({ where: { id: commentId } });
    if (!comment || comment.deletedAt) throw new NotFoundError('Comment');
    let standing;
    try {
      standing = (await this.posts.readable(viewerId, comment.postId)).standing;
    } catch {
      throw new NotFoundError('Comment');
    }
    if (comment.authorId !== viewerId && !allows(standing, 'moderate')) {
      throw new ForbiddenError("Only the author, the group's moderators and owners may delete a comment");
    }
    await this.db.transaction(async (manager) => {
      const [{ count }] = (await manager.query(
        `WITH gone AS (UPDATE comments SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING post_id)
         SELECT count(*)::int AS count FROM gone`,
        [commentId],
      )) as { count: number }[];
      if (count > 0)
        await manager.query('UPDATE posts SET comment_count = comment_count - 1 WHERE id = $1', [comment.postId]);
      if (count > 0 && comment.authorId !== viewerId) {
        const [post] = (await manager.query('SELECT group_id FROM posts WHERE id = $1', [comment.postId])) as {
          group_id: string;
        }[];
        await this.posts.auditModeration(manager, viewerId, 'comment', commentId, post.group_id);
      }
    });
  }

  /** Comments of a post the caller has already checked is readable, oldest first. */
  async list(postId: string, first: number, after?: string): Promise<Connection<CommentEntity>> {
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT c.id FROM comments c',
      where: ['c.post_id = $1', 'c.deleted_at IS NULL'],
      params: [postId],
      orderBy: [
        { expr: 'c.created_at', type: 'timestamptz' },
        { expr: 'c.id', type: 'uuid' },
      ],
      direction: 'ASC',
      first,
      after,
    });
    return hydrate(page, this.comments);
  }
}
