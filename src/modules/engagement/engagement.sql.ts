/**
 * The engagement figures in one statement, from the data itself (no counters that drift).
 * $1 the organisation, $2 the window in days. "Units" are the organisation itself (its people:
 * everyone who belongs to it or below) and each association strictly below it (its members).
 * Contributions are read from the `*_recent_authors` indexes (created_at INCLUDE author_id):
 * one range scan per table over the window, whatever the size of the organisation.
 *
 * Events attended: RSVPs GOING to events that started in the window (not cancelled). Announcement
 * reach: of the announcements delivered to these people in the window, the share they opened.
 *
 * Hours to a first answer: an unanswered question is +infinity (never dropped), so a percentile
 * that lands on it is null.
 */
export const ENGAGEMENT_SQL = `
WITH params AS (
  SELECT now() AS at,
         now() - make_interval(days => $2::int) AS since,
         now() - interval '60 days' AS dormant_since,
         least(now() - make_interval(days => $2::int), now() - interval '60 days') AS earliest
),
scope AS (
  SELECT o.id, o.kind, o.created_at FROM organizations o WHERE o.id = $1 OR $1 = ANY(o.ancestor_ids)
),
memberships AS (
  SELECT m.organization_id, m.user_id, m.created_at, s.kind
    FROM organization_memberships m JOIN scope s ON s.id = m.organization_id
),
people AS (
  SELECT user_id, min(created_at) >= (SELECT since FROM params) AS new_member FROM memberships GROUP BY user_id
),
units AS (
  SELECT $1::uuid AS unit_id, user_id, new_member FROM people
  UNION ALL
  SELECT organization_id, user_id, created_at >= (SELECT since FROM params)
    FROM memberships WHERE kind = 'ASSOCIATION' AND organization_id <> $1
),
contributions AS (
  SELECT author_id AS user_id, created_at, 'POST' AS kind FROM posts
   WHERE created_at >= (SELECT earliest FROM params) AND deleted_at IS NULL
  UNION ALL
  SELECT author_id, created_at, 'COMMENT' FROM comments
   WHERE created_at >= (SELECT earliest FROM params) AND deleted_at IS NULL
  UNION ALL
  SELECT author_id, created_at, 'QUESTION' FROM questions
   WHERE created_at >= (SELECT earliest FROM params) AND deleted_at IS NULL
  UNION ALL
  SELECT a.author_id, a.created_at, CASE WHEN q.accepted_answer_id IS NULL THEN 'ANSWER' ELSE 'ACCEPTED' END
    FROM answers a
    LEFT JOIN questions q ON q.accepted_answer_id = a.id AND q.deleted_at IS NULL
   WHERE a.created_at >= (SELECT earliest FROM params) AND a.deleted_at IS NULL
),
attended AS (
  SELECT r.user_id, count(*)::int AS events
    FROM event_rsvps r JOIN events e ON e.id = r.event_id
   WHERE r.status = 'GOING' AND e.cancelled_at IS NULL
     AND e.starts_at >= (SELECT since FROM params) AND e.starts_at <= (SELECT at FROM params)
   GROUP BY r.user_id
),
stats AS (
  SELECT p.user_id,
         count(*) FILTER (WHERE c.kind = 'POST' AND c.created_at >= w.since)::int AS posts,
         count(*) FILTER (WHERE c.kind = 'COMMENT' AND c.created_at >= w.since)::int AS comments,
         count(*) FILTER (WHERE c.kind = 'ANSWER' AND c.created_at >= w.since)::int AS answers,
         count(*) FILTER (WHERE c.kind = 'ACCEPTED' AND c.created_at >= w.since)::int AS accepted,
         coalesce(bool_or(c.created_at >= w.since), false) AS contributed,
         coalesce(bool_or(c.created_at >= w.dormant_since), false) AS recent
    FROM people p CROSS JOIN params w JOIN contributions c ON c.user_id = p.user_id
   GROUP BY p.user_id
),
scores AS (
  SELECT coalesce(s.user_id, e.user_id) AS user_id,
         coalesce(s.posts, 0) AS posts, coalesce(s.comments, 0) AS comments,
         coalesce(s.answers, 0) + coalesce(s.accepted, 0) AS answers, coalesce(s.accepted, 0) AS accepted,
         coalesce(e.events, 0) AS events,
         2 * coalesce(s.posts, 0) + coalesce(s.comments, 0) + 3 * coalesce(s.answers, 0)
           + 5 * coalesce(s.accepted, 0) + coalesce(e.events, 0) AS score
    FROM stats s FULL JOIN (SELECT a.* FROM attended a JOIN people p USING (user_id)) e ON e.user_id = s.user_id
),
used AS (
  SELECT s.user_id, bool_or(s.last_used_at >= w.since) AS in_window, bool_or(s.last_used_at >= w.dormant_since) AS recent
    FROM sessions s CROSS JOIN params w
   WHERE s.last_used_at >= (SELECT earliest FROM params)
   GROUP BY s.user_id
),
asked AS MATERIALIZED (
  SELECT q.author_id AS user_id,
         CASE WHEN f.first_at IS NULL THEN 'Infinity'::float8
              ELSE extract(epoch FROM f.first_at - q.created_at)::float8 / 3600 END AS hours
    FROM questions q
    JOIN people p ON p.user_id = q.author_id
    LEFT JOIN LATERAL (SELECT min(a.created_at) AS first_at FROM answers a
                        WHERE a.question_id = q.id AND a.deleted_at IS NULL
                          AND a.author_id IS DISTINCT FROM q.author_id) f ON true
   WHERE q.created_at >= (SELECT since FROM params) AND q.deleted_at IS NULL
),
reach AS (
  SELECT r.user_id, count(*)::int AS delivered, count(r.read_at)::int AS read
    FROM announcement_recipients r JOIN people p ON p.user_id = r.user_id
   WHERE r.sent_at >= (SELECT since FROM params)
   GROUP BY r.user_id
),
unit_people AS (
  SELECT u.unit_id, count(*)::int AS members,
         count(*) FILTER (WHERE s.contributed)::int AS contributors,
         count(*) FILTER (WHERE r.in_window)::int AS active_readers,
         count(*) FILTER (WHERE u.new_member)::int AS new_members,
         coalesce(bool_or(s.recent OR r.recent), false) AS lively,
         sum(rc.delivered)::int AS delivered, sum(rc.read)::int AS read,
         count(rc.user_id)::int AS reached_people
    FROM units u
    LEFT JOIN stats s ON s.user_id = u.user_id
    LEFT JOIN used r ON r.user_id = u.user_id
    LEFT JOIN reach rc ON rc.user_id = u.user_id
   GROUP BY u.unit_id
),
unit_questions AS (
  SELECT u.unit_id, count(*)::int AS questions, count(DISTINCT a.user_id)::int AS askers,
         count(*) FILTER (WHERE a.hours = 'Infinity')::int AS unanswered,
         avg(CASE WHEN a.hours <= 48 THEN 1.0 ELSE 0.0 END)::float8 AS within48,
         percentile_disc(0.5) WITHIN GROUP (ORDER BY a.hours) AS median,
         percentile_disc(0.8) WITHIN GROUP (ORDER BY a.hours) AS p80
    FROM units u JOIN asked a ON a.user_id = u.user_id
   GROUP BY u.unit_id
)
SELECT json_build_object(
  'computedAt', (SELECT at FROM params),
  'units', (SELECT coalesce(json_agg(json_build_object(
              'id', up.unit_id, 'members', up.members, 'contributors', up.contributors,
              'activeReaders', up.active_readers, 'newMembers', up.new_members, 'lively', up.lively,
              'delivered', up.delivered, 'read', up.read, 'reachedPeople', up.reached_people,
              'questions', coalesce(uq.questions, 0), 'askers', coalesce(uq.askers, 0),
              'unanswered', coalesce(uq.unanswered, 0), 'within48', uq.within48,
              'median', CASE WHEN uq.median = 'Infinity' THEN NULL ELSE uq.median END,
              'p80', CASE WHEN uq.p80 = 'Infinity' THEN NULL ELSE uq.p80 END)), '[]'::json)
              FROM unit_people up LEFT JOIN unit_questions uq ON uq.unit_id = up.unit_id),
  'top', (SELECT coalesce(json_agg(t ORDER BY t.score DESC, t.accepted DESC, t.user_id), '[]'::json)
            FROM (SELECT * FROM scores WHERE score > 0 ORDER BY score DESC, accepted DESC, user_id LIMIT 10) t),
  'associations', (SELECT coalesce(json_agg(s.id), '[]'::json) FROM scope s WHERE s.kind = 'ASSOCIATION'),
  'dormant', (SELECT coalesce(json_agg(s.id), '[]'::json) FROM scope s
               WHERE s.kind = 'ASSOCIATION' AND s.created_at <= (SELECT dormant_since FROM params)
                 AND NOT EXISTS (SELECT 1 FROM unit_people up WHERE up.unit_id = s.id AND up.lively))
) AS result`;
