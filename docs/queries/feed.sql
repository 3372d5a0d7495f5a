-- The home feed (src/modules/posts/posts.service.ts, FEED_SQL with the readable-group condition).
-- $1 viewer id, $2/$3 cursor (created_at, id) or NULL, $4 page size + 1.
WITH feed_groups AS (
  SELECT g.id FROM groups g
   WHERE (g.id IN (SELECT group_id FROM group_memberships WHERE user_id = $1)
          OR g.id IN (SELECT group_id FROM group_follows WHERE user_id = $1)
          OR g.organization_id IN (SELECT organization_id FROM organization_follows WHERE user_id = $1))
     AND (g.visibility = 'PUBLIC'
             OR EXISTS (SELECT 1 FROM group_memberships rm WHERE rm.group_id = g.id AND rm.user_id = $1)
             OR EXISTS (SELECT 1 FROM organizations o JOIN organization_memberships a
                    ON a.user_id = $1 AND a.role = 'ADMIN'
                   AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids))
                 WHERE o.id = g.organization_id)))
SELECT recent.id, recent.created_at::text AS created_at_key
  FROM feed_groups fg
  CROSS JOIN LATERAL (
    SELECT p.id, p.created_at FROM posts p
     WHERE p.group_id = fg.id AND p.deleted_at IS NULL
       AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT $4) recent
 ORDER BY recent.created_at DESC, recent.id DESC
 LIMIT $4
