-- The home feed (src/modules/posts/posts.service.ts, feedSql() with the readable-group condition).
-- $1 viewer id, $2/$3 cursor (created_at, id) or NULL, $4 page size + 1.
WITH feed_groups AS (
  SELECT g.id FROM groups g
    JOIN (SELECT group_id AS id FROM group_memberships WHERE user_id = $1
          UNION SELECT group_id FROM group_follows WHERE user_id = $1
          UNION SELECT og.id FROM organization_follows f JOIN groups og ON og.organization_id = f.organization_id
                 WHERE f.user_id = $1) followed ON followed.id = g.id
   WHERE (g.visibility = 'PUBLIC'
             OR EXISTS (SELECT 1 FROM group_memberships rm WHERE rm.group_id = g.id AND rm.user_id = $1)
             OR EXISTS (SELECT 1 FROM organizations o JOIN organization_memberships a
                    ON a.user_id = $1 AND a.role = 'ADMIN'
                   AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids))
                 WHERE o.id = g.organization_id))),
wide AS (SELECT count(*) >= 30 AS yes FROM feed_groups),
scanned AS (
  SELECT recent.id, recent.created_at
    FROM (SELECT p.id, p.created_at, p.group_id FROM posts p
           WHERE p.deleted_at IS NULL AND (SELECT yes FROM wide)
             AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))
           ORDER BY p.created_at DESC, p.id DESC
           LIMIT 2000) recent
   WHERE recent.group_id = ANY (ARRAY(SELECT id FROM feed_groups)) -- a filter, so the walk stops at $4
   ORDER BY recent.created_at DESC, recent.id DESC
   LIMIT $4),
found AS (SELECT count(*) >= $4 AS enough FROM scanned),
page AS (
  SELECT id, created_at FROM scanned WHERE (SELECT enough FROM found)
  UNION ALL
  (SELECT recent.id, recent.created_at
     FROM feed_groups fg
     CROSS JOIN LATERAL (
       SELECT p.id, p.created_at FROM posts p
        WHERE p.group_id = fg.id AND p.deleted_at IS NULL
          AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $4) recent
    WHERE NOT (SELECT enough FROM found)
    ORDER BY recent.created_at DESC, recent.id DESC
    LIMIT $4))
SELECT page.created_at::text AS created_at_key, page.id AS page_id,
       p.*, u.*, g.*,
       EXISTS (SELECT 1 FROM reactions r WHERE r.post_id = p.id AND r.user_id = $1) AS viewer_has_reacted
  FROM page
  JOIN posts p ON p.id = page.id
  JOIN groups g ON g.id = p.group_id
  LEFT JOIN users u ON u.id = p.author_id
 ORDER BY page.created_at DESC, page.id DESC
