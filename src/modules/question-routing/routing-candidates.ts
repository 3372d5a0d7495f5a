import { EntityManager } from 'typeorm';
import { FORMER_MEMBER_ID } from '../../common/personal-data/personal-data';
import { CandidateRow } from './question-routing.ranking';

/** At most this many routed questions per person over the last 7 days (declined ones do not count). */
export const WEEKLY_CAP = 5;

/** "Folded words of `expr`, space-separated and space-padded": `' compte de resultat '`. */
const foldedWords = (expr: string) =>
  `(' ' || regexp_replace(maillage_fold(${expr}), '[^[:alnum:]]+', ' ', 'g') || ' ')`;

/**
 * The people who may be asked to answer question `$1` at time `$2`: those with accepted answers
 * on one of its tags or a skill matching its tags or words (the ranking decides among them), who
 * may read it now (`readableSql`, the access policy's condition, for person `u.id`), are not its
 * author, are active, accept routed questions, were not asked about it already and were routed
 * fewer than WEEKLY_CAP questions over the 7 days before `$2`.
 */
export async function findCandidates(
  manager: EntityManager,
  questionId: string,
  now: Date,
  readableSql: (groupAlias: string, userExpr: string) => string,
): Promise<CandidateRow[]> {
  const rows = (await manager.query(
    `WITH q AS (
       SELECT q.id, q.group_id, q.author_id,
              ${foldedWords("q.title || ' ' || q.body || ' ' || array_to_string(q.tags, ' ')")} AS words,
              ARRAY(SELECT maillage_fold(trim(t)) FROM unnest(q.tags) t) AS folded_tags
         FROM questions q WHERE q.id = $1 AND q.deleted_at IS NULL),
     accepted AS (
       SELECT a.author_id AS user_id, count(DISTINCT a.id)::int AS n, array_agg(DISTINCT trim(t)) AS tags
         FROM q
         JOIN questions oq ON oq.id <> q.id AND oq.deleted_at IS NULL AND oq.accepted_answer_id IS NOT NULL
         JOIN answers a ON a.id = oq.accepted_answer_id AND a.deleted_at IS NULL AND a.author_id IS NOT NULL
         CROSS JOIN LATERAL unnest(oq.tags) t
        WHERE maillage_fold(trim(t)) = ANY(q.folded_tags)
        GROUP BY a.author_id),
     skilled AS (
       SELECT u.id AS user_id FROM q, users u
        WHERE EXISTS (SELECT 1 FROM unnest(u.skills) s
                       WHERE trim(s) <> ''
                         AND (maillage_fold(trim(s)) = ANY(q.folded_tags) OR position(${foldedWords('s')} IN q.words) > 0))),
     asker_regions AS (
       SELECT r.id FROM q
         JOIN organization_memberships m ON m.user_id = q.author_id
         JOIN organizations o ON o.id = m.organization_id
         JOIN organizations r ON r.kind = 'REGION' AND (r.id = o.id OR r.id = ANY(o.ancestor_ids)))
     SELECT u.id AS user_id, u.skills, coalesce(ac.n, 0) AS accepted_count, coalesce(ac.tags, '{}') AS accepted_tags,
            (SELECT min(r.name) FROM organization_memberships m
               JOIN organizations o ON o.id = m.organization_id
               JOIN organizations r ON r.kind = 'REGION' AND (r.id = o.id OR r.id = ANY(o.ancestor_ids))
              WHERE m.user_id = u.id AND r.id IN (SELECT id FROM asker_regions)) AS shared_region
       FROM (SELECT user_id FROM accepted UNION SELECT user_id FROM skilled) pool
       JOIN users u ON u.id = pool.user_id
       JOIN q ON true
       JOIN groups g ON g.id = q.group_id
       LEFT JOIN accepted ac ON ac.user_id = u.id
       LEFT JOIN notification_settings ns ON ns.user_id = u.id
      WHERE u.id IS DISTINCT FROM q.author_id AND u.id <> $3 AND u.deactivated_at IS NULL
        AND coalesce(ns.accepts_questions, true)
        AND ${readableSql('g', 'u.id')}
        AND NOT EXISTS (SELECT 1 FROM question_routings done WHERE done.question_id = q.id AND done.user_id = u.id)
        AND (SELECT count(*) FROM question_routings recent
              WHERE recent.user_id = u.id AND recent.declined_at IS NULL
                AND recent.routed_at > $2::timestamptz - interval '7 days' AND recent.routed_at <= $2::timestamptz) < $4`,
    [questionId, now, FORMER_MEMBER_ID, WEEKLY_CAP],
  )) as {
    user_id: string;
    skills: string[];
    accepted_count: number;
    accepted_tags: string[];
    shared_region: string | null;
  }[];
  return rows.map((row) => ({
    userId: row.user_id,
    acceptedCount: row.accepted_count,
    acceptedTags: row.accepted_tags,
    skills: row.skills,
    sharedRegion: row.shared_region,
  }));
}
