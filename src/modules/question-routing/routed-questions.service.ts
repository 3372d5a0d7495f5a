import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { NotFoundError } from '../../common/errors/app-error';
import { groupByKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsService } from '../questions/questions.service';
import { QuestionRoutingEntity } from './question-routing.entity';

interface RoutingRow {
  question_id: string;
  user_id: string;
  wave: number;
  rank: number;
  reasons: string[];
  routed_at: Date;
  declined_at: Date | null;
}

function toEntity(row: RoutingRow): QuestionRoutingEntity {
  return {
    questionId: row.question_id,
    userId: row.user_id,
    wave: row.wave,
    rank: row.rank,
    reasons: row.reasons,
    routedAt: row.routed_at,
    declinedAt: row.declined_at,
  };
}

/**
 * What people see of routings: the expert's inbox ("Questions pour vous"), "pas mon domaine", the
 * routing list of a question for its managers and the count for its asker. A routing whose person
 * can no longer read the question is never shown (the waves job also deletes it).
 */
@Injectable()
export class RoutedQuestionsService {
  constructor(
    @InjectRepository(QuestionEntity) private readonly questions: Repository<QuestionEntity>,
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    private readonly questionsService: QuestionsService,
  ) {}

  /** Open questions routed to the viewer, newest routing first: not declined, not answered by them, still readable. */
  async inbox(viewerId: string, first: number, after?: string): Promise<Connection<QuestionEntity>> {
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select:
        'SELECT q.id FROM question_routings r JOIN questions q ON q.id = r.question_id JOIN groups g ON g.id = q.group_id',
      where: [
        'r.user_id = $1',
        'r.declined_at IS NULL',
        "q.status = 'OPEN'",
        'q.deleted_at IS NULL',
        'NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.author_id = $1 AND a.deleted_at IS NULL)',
        this.access.readableGroupSql('g', '$1'),
      ],
      params: [viewerId],
      orderBy: [
        { expr: 'r.routed_at', type: 'timestamptz' },
        { expr: 'q.id', type: 'uuid' },
      ],
      direction: 'DESC',
      first,
      after,
    });
    return hydrate(page, this.questions);
  }

  /** "Pas mon domaine": the question leaves the viewer's inbox. NOT_FOUND when it was never routed to them. */
  async decline(viewerId: string, questionId: string): Promise<boolean> {
    await this.questionsService.readable(viewerId, questionId);
    const [row] = (await this.db.query(
      `WITH declined AS (
         UPDATE question_routings SET declined_at = coalesce(declined_at, now())
          WHERE question_id = $1 AND user_id = $2 RETURNING 1)
       SELECT count(*)::int AS count FROM declined`,
      [questionId, viewerId],
    )) as { count: number }[];
    if (row.count === 0) throw new NotFoundError('Question');
    return true;
  }

  /** The routings of a question whose people may still read it, by wave then time (batched per request). */
  routings(loaders: RequestLoaders, questionId: string): Promise<QuestionRoutingEntity[]> {
    return loaders
      .get<string, QuestionRoutingEntity[]>('questionRouting.byQuestion', async (ids) => {
        const rows = (await this.db.query(
          `SELECT r.question_id, r.user_id, r.wave, r.rank, r.reasons, r.routed_at, r.declined_at
             FROM question_routings r JOIN questions q ON q.id = r.question_id JOIN groups g ON g.id = q.group_id
            WHERE r.question_id = ANY($1::uuid[]) AND ${this.access.readableGroupSql('g', 'r.user_id')}
            ORDER BY r.wave, r.rank, r.user_id`,
          [ids],
        )) as RoutingRow[];
        return groupByKey(ids, rows.map(toEntity), (r) => r.questionId);
      })
      .load(questionId);
  }

  /** The viewer's own routing for a question, if it was routed to them (batched per request). */
  viewerRouting(loaders: RequestLoaders, viewerId: string, questionId: string): Promise<QuestionRoutingEntity | null> {
    return loaders
      .get<string, QuestionRoutingEntity | null>(`questionRouting.viewer:${viewerId}`, async (ids) => {
        const rows = (await this.db.query(
          `SELECT question_id, user_id, wave, rank, reasons, routed_at, declined_at FROM question_routings
            WHERE user_id = $1 AND question_id = ANY($2::uuid[])`,
          [viewerId, ids],
        )) as RoutingRow[];
        const found = new Map(rows.map((row) => [row.question_id, toEntity(row)]));
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(questionId);
  }
}
