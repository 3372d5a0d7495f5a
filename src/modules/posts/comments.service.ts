import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ContributionAccess } from '../../access/contribution-access.service';
import { GroupAccess } from '../../access/group-access.service';
import { DomainEvents } from '../../common/events/domain-events';
import { NotFoundError } from '../../common/errors/app-error';
import { Connection } from '../../common/pagination/connection';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { CommentEntity } from './comment.entity';
import { PostsService } from './posts.service';

@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly events: DomainEvents,
    private readonly access: GroupAccess,
    private readonly contributions: ContributionAccess,
  ) {}

  /** Adds a comment and, in the same transaction, bumps the count (the post's author hears of it: comment.added). */
  async add(viewerId: string, postId: string, body: string): Promise<CommentEntity> {
    const { post, standing } = await this.posts.readable(viewerId, postId);
    this.access.require(standing, 'comment');
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(CommentEntity);
      const saved = await repository.save(repository.create({ postId, authorId: viewerId, body: body.trim() }));
      await manager.query('UPDATE posts SET comment_count = comment_count + 1 WHERE id = $1', [postId]);
      await this.events.publish(manager, {
        type: 'comment.added',
        commentId: saved.id,
        postId,
        groupId: post.groupId,
        postAuthorId: post.authorId,
        authorId: viewerId,
      });
      return saved;
    });
  }

  async delete(viewerId: string, commentId: string): Promise<void> {
    const comment = await this.comments.findOne({ where: { id: commentId } });
    if (!comment || comment.deletedAt) throw new NotFoundError('Comment');
    let readable;
    try {
      readable = await this.posts.readable(viewerId, comment.postId);
    } catch {
      throw new NotFoundError('Comment');
    }
    const { post, standing } = readable;
    this.contributions.require(viewerId, { ...comment, groupId: post.groupId }, standing, 'comment.delete');
    await this.db.transaction(async (manager) => {
      const [{ count }] = (await manager.query(
        `WITH gone AS (UPDATE comments SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING post_id)
         SELECT count(*)::int AS count FROM gone`,
        [commentId],
      )) as { count: number }[];
      if (count === 0) return;
      await manager.query('UPDATE posts SET comment_count = comment_count - 1 WHERE id = $1', [comment.postId]);
      await this.events.publish(manager, {
        type: 'comment.deleted',
        commentId,
        postId: comment.postId,
        groupId: post.groupId,
        authorId: comment.authorId,
        actorId: viewerId,
      });
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
