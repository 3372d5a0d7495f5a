import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { afterCommit } from '../../common/events/after-commit';
import { DomainEvents } from '../../common/events/domain-events';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { enqueue } from '../../infra/jobs/enqueue';
import { jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { NotificationDraft, NotificationsService } from '../notifications/notifications.service';
import { rankCandidates } from './question-routing.ranking';
import { findCandidates } from './routing-candidates';

/** Routes one question (wave 1), queued in the transaction that asks it. */
export const RouteQuestionJob = jobType<{ questionId: string }>('question-routing.route');
/**
 * Looks for unanswered questions due for wave 2 or for escalation. `now` replaces the clock
 * (tests, or replaying a missed period); scheduled runs carry none.
 */
export const RoutingWavesJob = jobType<{ now?: string }>('question-routing.waves');

/** How many people one wave asks. */
export const WAVE_SIZE = 3;
/** Wave 3 is not a routing: the escalation to the group's managers and the federation's staff. */
const ESCALATION = 3;
/** Due questions handled per run of the waves job (the next run takes the rest). */
const BATCH = 200;

interface QuestionRow {
  id: string;
  title: string;
  body: string;
  tags: string[];
  author_id: string | null;
}

/**
 * Questions routed to the people most able to answer them. Wave 1 when the question is asked;
 * wave 2 (3 more people) when it is still unanswered `QUESTION_ESCALATION_HOURS` later; after
 * twice that, the group's managers and the federation's admins and staff are told, once. Each
 * wave is recorded (question_routing_waves) in the transaction that runs it, and each routing is
 * unique per (question, person): a job run twice, or retried, asks and notifies nobody twice.
 * Any answer stops what is pending; people who lost access to the question are dropped.
 */
@Injectable()
export class QuestionRoutingService {
  private readonly logger = createLogger(QuestionRoutingService.name);

  constructor(
    private readonly access: GroupAccess,
    private readonly notifications: NotificationsService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    events: DomainEvents,
    jobs: JobsService,
  ) {
    events.subscribe('question.asked', async (e, { manager }) => {
      await enqueue(manager, RouteQuestionJob, { questionId: e.questionId }, { key: `route:${e.questionId}` });
    });
    jobs.register({
      type: RouteQuestionJob,
      handle: async (job, manager) => {
        await this.routeWave(manager, job.payload.questionId, 1, new Date());
      },
    });
    jobs.register({
      type: RoutingWavesJob,
      schedule: { every: 600 },
      exclusive: true,
      handle: async (job, manager) => {
        await this.runDueWaves(manager, job.payload.now ? new Date(job.payload.now) : new Date());
      },
    });
  }

  /** Asks up to WAVE_SIZE people about the question; returns who was asked (nobody when the wave already ran). */
  async routeWave(manager: EntityManager, questionId: string, wave: 1 | 2, now: Date): Promise<string[]> {
    const [question] = (await manager.query(
      'SELECT id, title, body, tags, author_id FROM questions WHERE id = $1 AND deleted_at IS NULL',
      [questionId],
    )) as QuestionRow[];
    if (!question || !(await this.claimWave(manager, questionId, wave, now))) return [];
    const candidates = await findCandidates(manager, questionId, now, (g, u) => this.access.readableGroupSql(g, u));
    const ranked = rankCandidates(candidates, question, WAVE_SIZE);
    if (ranked.length === 0) return [];
    const asked = (await manager.query(
      `WITH added AS (
         INSERT INTO question_routings (question_id, user_id, wave, rank, reasons, routed_at)
         SELECT $1, (c->>'userId')::uuid, $2, rank, ARRAY(SELECT jsonb_array_elements_text(c->'reasons')), $3
           FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS ranked(c, rank)
         ON CONFLICT (question_id, user_id) DO NOTHING
         RETURNING user_id)
       SELECT user_id FROM added`,
      [questionId, wave, now, JSON.stringify(ranked)],
    )) as { user_id: string }[];
    const userIds = asked.map((row) => row.user_id);
    await this.notify(
      manager,
      userIds.map((userId) => ({
        userId,
        type: 'QUESTION_FOR_YOU',
        actorId: question.author_id,
        subjectId: questionId,
        text: `Une question pour vous : « ${question.title} »`,
      })),
    );
    this.logger.info({ questionId, wave, asked: userIds.length }, 'question routed');
    return userIds;
  }

  /** What the waves job does at `now`: drops people who lost access, runs due second waves and escalations. */
  async runDueWaves(manager: EntityManager, now: Date): Promise<{ secondWaves: number; escalations: number }> {
    await this.dropUnreadable(manager);
    const hours = this.config.questionEscalationHours;
    let secondWaves = 0;
    for (const id of await this.due(manager, now, hours, 2)) {
      await this.routeWave(manager, id, 2, now);
      secondWaves++;
    }
    let escalations = 0;
    for (const id of await this.due(manager, now, hours * 2, ESCALATION)) {
      if (await this.escalate(manager, id, now)) escalations++;
    }
    return { secondWaves, escalations };
  }

  /** Records that `wave` of the question ran; false when it already had (a concurrent run waits, then finds it). */
  private async claimWave(manager: EntityManager, questionId: string, wave: number, now: Date): Promise<boolean> {
    const claimed = (await manager.query(
      `WITH claimed AS (
         INSERT INTO question_routing_waves (question_id, wave, ran_at) VALUES ($1, $2, $3)
         ON CONFLICT (question_id, wave) DO NOTHING RETURNING wave)
       SELECT wave FROM claimed`,
      [questionId, wave, now],
    )) as unknown[];
    return claimed.length === 1;
  }

  /** Routed, still open and unanswered questions whose first wave ran `hours` before `now` and `wave` has not. */
  private async due(manager: EntityManager, now: Date, hours: number, wave: number): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT q.id FROM questions q
         JOIN question_routing_waves first ON first.question_id = q.id AND first.wave = 1
        WHERE q.status = 'OPEN' AND q.answer_count = 0 AND q.deleted_at IS NULL
          AND first.ran_at <= $1::timestamptz - make_interval(hours => $2)
          AND NOT EXISTS (SELECT 1 FROM question_routing_waves w WHERE w.question_id = q.id AND w.wave = $3)
        ORDER BY first.ran_at, q.id
        LIMIT ${BATCH}`,
      [now, hours, wave],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Tells the group's managers and the federation's admins and staff who may read it; once per question. */
  private async escalate(manager: EntityManager, questionId: string, now: Date): Promise<boolean> {
    if (!(await this.claimWave(manager, questionId, ESCALATION, now))) return false;
    const people = (await manager.query(
      `WITH q AS (
         SELECT q.id, q.title, q.author_id, g.id AS group_id, o.id AS organization_id, o.ancestor_ids
           FROM questions q JOIN groups g ON g.id = q.group_id JOIN organizations o ON o.id = g.organization_id
          WHERE q.id = $1),
       people AS (
         SELECT gm.user_id FROM q JOIN group_memberships gm ON gm.group_id = q.group_id
          WHERE gm.role IN ('OWNER', 'MODERATOR')
         UNION
         SELECT om.user_id FROM q
           JOIN organizations f ON f.kind = 'FEDERATION' AND (f.id = q.organization_id OR f.id = ANY(q.ancestor_ids))
           JOIN organization_memberships om ON om.organization_id = f.id AND om.role IN ('ADMIN', 'STAFF'))
       SELECT u.id, q.title FROM people p
         JOIN users u ON u.id = p.user_id
         JOIN q ON true
         JOIN groups g ON g.id = q.group_id
        WHERE u.deactivated_at IS NULL AND u.id IS DISTINCT FROM q.author_id
          AND ${this.access.readableGroupSql('g', 'u.id')}`,
      [questionId],
    )) as { id: string; title: string }[];
    const hours = this.config.questionEscalationHours * 2;
    await this.notify(
      manager,
      people.map((person) => ({
        userId: person.id,
        type: 'QUESTION_ESCALATED',
        actorId: null,
        subjectId: questionId,
        text: `Toujours sans réponse après ${hours} h : « ${person.title} »`,
      })),
    );
    this.logger.info({ questionId, told: people.length }, 'unanswered question escalated');
    return true;
  }

  /** People who can no longer read an open question (left its private group, lost a role) leave its routings. */
  private async dropUnreadable(manager: EntityManager): Promise<void> {
    await manager.query(
      `DELETE FROM question_routings r USING questions q, groups g
        WHERE q.id = r.question_id AND g.id = q.group_id AND q.status = 'OPEN' AND r.declined_at IS NULL
          AND NOT ${this.access.readableGroupSql('g', 'r.user_id')}`,
    );
  }

  private async notify(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    const recorded = await this.notifications.record(manager, drafts);
    if (recorded.length) afterCommit(manager, () => this.notifications.deliver(recorded));
  }
}
