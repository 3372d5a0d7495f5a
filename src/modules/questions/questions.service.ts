import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { ContributionAccess } from '../../access/contribution-access.service';
import { GroupStanding, mayReadContent } from '../../access/group-policy';
import { NotFoundError } from '../../common/errors/app-error';
import { byKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { newestFirst } from '../../common/pagination/filters';
import { hydrate, keysetPage, SortKey } from '../../common/pagination/keyset';
import { DomainEvents } from '../../common/events/domain-events';
import { AnswerEntity } from './answer.entity';
import { AnswerOrder, AskQuestionInput, QuestionsArgs } from './dto/question.inputs';
import { QuestionEntity } from './question.entity';

/** Questions and answers in groups, under the same access policy as posts. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectRepository(QuestionEntity) private readonly questions: Repository<QuestionEntity>,
    @InjectRepository(AnswerEntity) private readonly answers: Repository<AnswerEntity>,
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    private readonly contributions: ContributionAccess,
    private readonly events: DomainEvents,
  ) {}

  /** The live question when the viewer may read its group; NOT_FOUND otherwise, as if it did not exist. */
  async readable(
    viewerId: string,
    questionId: string,
    manager?: EntityManager,
  ): Promise<{ question: QuestionEntity; standing: GroupStanding }> {
    const question = await (manager ?? this.db.manager).findOne(QuestionEntity, { where: { id: questionId } });
    if (!question || question.deletedAt) throw new NotFoundError('Question');
    const standing = (await this.access.standings(viewerId, [question.groupId], manager)).get(question.groupId);
    if (!standing || !mayReadContent(standing)) throw new NotFoundError('Question');
    return { question, standing };
  }

  async readableAnswer(viewerId: string, answerId: string) {
    const answer = await this.answers.findOne({ where: { id: answerId } });
    if (!answer || answer.deletedAt) throw new NotFoundError('Answer');
    try {
      return { answer, ...(await this.readable(viewerId, answer.questionId)) };
    } catch {
      throw new NotFoundError('Answer');
    }
  }

  /** The readable, live questions among `ids`, in that order (for search results). */
  async readableAmong(viewerId: string, ids: string[]): Promise<QuestionEntity[]> {
    const found = (await this.questions.findBy({ id: In(ids) })).filter((q) => !q.deletedAt);
    const readable = await this.access.readableGroups(viewerId, [...new Set(found.map((q) => q.groupId))]);
    return byKey(
      ids,
      found.filter((q) => readable.has(q.groupId)),
      (q) => q.id,
    ).filter((q): q is QuestionEntity => q !== null);
  }

  /** Batched and access-checked: null when deleted or when the viewer may not read its group. */
  async loadReadableQuestion(loaders: RequestLoaders, viewerId: string, id: string): Promise<QuestionEntity | null> {
    const question = await loaders
      .get<string, QuestionEntity | null>('questions.byId', async (ids) =>
        byKey(ids, await this.questions.findBy({ id: In([...ids]) }), (q) => q.id),
      )
      .load(id);
    if (!question || question.deletedAt) return null;
    const standing = await this.access.standing(loaders, viewerId, question.groupId);
    return standing && mayReadContent(standing) ? question : null;
  }

  loadAnswer(loaders: RequestLoaders, id: string): Promise<AnswerEntity | null> {
    return loaders
      .get<string, AnswerEntity | null>('answers.byId', async (ids) =>
        byKey(ids, await this.answers.findBy({ id: In([...ids]) }), (a) => a.id),
      )
      .load(id);
  }

  async ask(viewerId: string, input: AskQuestionInput): Promise<QuestionEntity> {
    await this.access.assert(viewerId, input.groupId, 'post');
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(QuestionEntity);
      const question = await repository.save(
        repository.create({
          groupId: input.groupId,
          authorId: viewerId,
          title: input.title.trim(),
          body: input.body.trim(),
          tags: [...new Set((input.tags ?? []).map((tag) => tag.trim()))],
          status: 'OPEN',
          acceptedAnswerId: null,
          answerCount: 0,
        }),
      );
      await this.events.publish(manager, {
        type: 'question.asked',
        questionId: question.id,
        groupId: input.groupId,
        authorId: viewerId,
      });
      return question;
    });
  }

  /** Anyone who may read the question answers it (like commenting); the asker is notified. */
  async answer(viewerId: string, questionId: string, body: string): Promise<AnswerEntity> {
    const { question, standing } = await this.readable(viewerId, questionId);
    this.access.require(standing, 'comment');
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(AnswerEntity);
      const saved = await repository.save(
        repository.create({ questionId, authorId: viewerId, body: body.trim(), score: 0 }),
      );
      await manager.query('UPDATE questions SET answer_count = answer_count + 1 WHERE id = $1', [questionId]);
      await this.events.publish(manager, {
        type: 'answer.posted',
        answerId: saved.id,
        questionId,
        questionTitle: question.title,
        groupId: question.groupId,
        questionAuthorId: question.authorId,
        authorId: viewerId,
      });
      return saved;
    });
  }

  /** The asker, or the group's owners, moderators and organisation admins, accept an answer; the question becomes ANSWERED. */
  async accept(viewerId: string, answerId: string): Promise<QuestionEntity> {
    const { answer, question, standing } = await this.readableAnswer(viewerId, answerId);
    this.contributions.require(viewerId, question, standing, 'question.acceptAnswer');
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE questions SET status = 'ANSWERED', accepted_answer_id = $2 WHERE id = $1`, [
        question.id,
        answer.id,
      ]);
      await this.events.publish(manager, {
        type: 'answer.accepted',
        answerId: answer.id,
        questionId: question.id,
        questionTitle: question.title,
        groupId: question.groupId,
        answerAuthorId: answer.authorId,
        previousAnswerId: question.acceptedAnswerId,
        actorId: viewerId,
      });
    });
    return (await this.readable(viewerId, question.id)).question;
  }

  /** One vote per person: 1, -1, or 0 to take it back. The score is recomputed in the same statement. */
  async vote(viewerId: string, answerId: string, value: number): Promise<AnswerEntity> {
    const { standing } = await this.readableAnswer(viewerId, answerId);
    this.access.require(standing, 'react');
    await this.db.transaction(async (manager) => {
      if (value === 0)
        await manager.query('DELETE FROM answer_votes WHERE answer_id = $1 AND user_id = $2', [answerId, viewerId]);
      else
        await manager.query(
          `INSERT INTO answer_votes (answer_id, user_id, value) VALUES ($1, $2, $3)
           ON CONFLICT (answer_id, user_id) DO UPDATE SET value = EXCLUDED.value`,
          [answerId, viewerId, value],
        );
      await manager.query(
        'UPDATE answers SET score = (SELECT coalesce(sum(value), 0) FROM answer_votes WHERE answer_id = $1) WHERE id = $1',
        [answerId],
      );
      await this.events.publish(manager, { type: 'answer.voted', answerId });
    });
    return await this.answers.findOneByOrFail({ id: answerId });
  }

  viewerVote(loaders: RequestLoaders, viewerId: string, answerId: string): Promise<number> {
    return loaders
      .get<string, number>(`answers.vote:${viewerId}`, async (ids) => {
        const rows = (await this.db.query(
          'SELECT answer_id, value FROM answer_votes WHERE user_id = $1 AND answer_id = ANY($2::uuid[])',
          [viewerId, ids],
        )) as { answer_id: string; value: number }[];
        const votes = new Map(rows.map((row) => [row.answer_id, row.value]));
        return ids.map((id) => votes.get(id) ?? 0);
      })
      .load(answerId);
  }

  /** Questions newest first: of one group (FORBIDDEN when unreadable), or of every group the viewer may read. */
  async list(viewerId: string, args: QuestionsArgs): Promise<Connection<QuestionEntity>> {
    const where = ['q.deleted_at IS NULL'];
    const params: unknown[] = [viewerId];
    if (args.groupId) {
      await this.access.assert(viewerId, args.groupId, 'readContent');
      params.push(args.groupId);
      where.push(`q.group_id = $${params.length}`);
    } else {
      where.push(
        `EXISTS (SELECT 1 FROM groups g WHERE g.id = q.group_id AND ${this.access.readableGroupSql('g', '$1')})`,
      );
    }
    if (args.status) {
      params.push(args.status);
      where.push(`q.status = $${params.length}`);
    }
    if (args.tag?.trim()) {
      params.push(args.tag.trim());
      where.push(`EXISTS (SELECT 1 FROM unnest(q.tags) t WHERE maillage_fold(t) = maillage_fold($${params.length}))`);
    }
    where.push('$1::uuid IS NOT NULL');
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT q.id FROM questions q',
      where,
      params,
      ...newestFirst('q'),
      first: args.first,
      after: args.after,
    });
    return hydrate(page, this.questions);
  }

  /** Answers of a question already checked readable: the accepted one first, then by votes or newest. */
  async listAnswers(
    questionId: string,
    order: AnswerOrder,
    first: number,
    after?: string,
  ): Promise<Connection<AnswerEntity>> {
    const accepted: SortKey = { expr: '(a.id IS NOT DISTINCT FROM q.accepted_answer_id)::int', type: 'int' };
    const keys: SortKey[] =
      order === AnswerOrder.VOTES
        ? [
            accepted,
            { expr: 'a.score', type: 'int' },
            { expr: 'a.created_at', type: 'timestamptz' },
            { expr: 'a.id', type: 'uuid' },
          ]
        : [accepted, { expr: 'a.created_at', type: 'timestamptz' }, { expr: 'a.id', type: 'uuid' }];
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT a.id FROM answers a JOIN questions q ON q.id = a.question_id',
      where: ['a.question_id = $1', 'a.deleted_at IS NULL'],
      params: [questionId],
      orderBy: keys,
      direction: 'DESC',
      first,
      after,
    });
    return hydrate(page, this.answers);
  }
}
