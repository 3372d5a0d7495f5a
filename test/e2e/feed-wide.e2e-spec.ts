import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { GraphQLResponse } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A wide feed (a viewer in dozens of groups: federation staff) takes another road to the page than an
 * ordinary one (see feedSql in posts.service.ts): one walk of the network's newest posts, falling back
 * to per-group reads when the viewer's groups are quiet. Whatever the road, the feed walked to its end
 * is exactly the live posts of the viewer's readable feed groups, newest first, none twice. The data is
 * written in SQL (thousands of posts in seconds); the feed is read through the API as a client does.
 */
interface FeedPage {
  feed: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const FEED = `query($first: Int!, $after: String) { feed(first: $first, after: $after) {
  edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

describe('home feed of a viewer in many groups', () => {
  let app: TestApp;
  let staff: Session;
  let ordinary: Session;
  let outsider: Session;

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club large',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    [staff, ordinary, outsider] = await Promise.all(
      ['Permanente', 'Adhérent', 'Autre'].map((name) => newMember(app, admin.accessToken, club, 'MEMBER', name)),
    );
    // 60 groups: 0-39 public and 40-44 private, all the staff's; 45-54 public, 55-59 private, not theirs.
    const groups = await app.sql<{ id: string }>(
      `INSERT INTO groups (organization_id, name, slug, visibility)
       SELECT $1, 'Groupe large ' || i, 'groupe-large-' || i, CASE WHEN i BETWEEN 40 AND 44 OR i >= 55 THEN 'PRIVATE' ELSE 'PUBLIC' END
         FROM generate_series(0, 59) i ORDER BY i RETURNING id`,
      [club],
    );
    const ids = groups.map((g) => g.id);
    await app.sql(`INSERT INTO group_memberships (group_id, user_id, role) SELECT unnest($1::uuid[]), $2, 'MEMBER'`, [
      ids.slice(0, 45),
      staff.userId,
    ]);
    // The ordinary member: two of those groups, and a follow of a third.
    await app.sql(
      `INSERT INTO group_memberships (group_id, user_id, role) VALUES ($1, $3, 'MEMBER'), ($2, $3, 'MEMBER')`,
      [ids[3], ids[41], ordinary.userId],
    );
    await app.sql(`INSERT INTO group_follows (group_id, user_id) VALUES ($1, $2)`, [ids[50], ordinary.userId]);
    // The outsider belongs to the private groups the staff is not in: their posts must never show.
    await app.sql(`INSERT INTO group_memberships (group_id, user_id, role) SELECT unnest($1::uuid[]), $2, 'OWNER'`, [
      ids.slice(55),
      outsider.userId,
    ]);
    // Oldest: 600 posts in the staff's groups, a tie on the time every 7th post.
    // Then 2,500 newer ones elsewhere only (the staff's groups go quiet: the walk finds none of theirs).
    // Newest: 100 mixed. Some deleted.
    await app.sql(
      `INSERT INTO posts (group_id, author_id, body, created_at)
       SELECT ($1::uuid[])[1 + i % 45], $2, 'ancien ' || i, now() - interval '10 days' + make_interval(secs => i - i % 7) FROM generate_series(1, 600) i`,
      [ids, outsider.userId],
    );
    await app.sql(
      `INSERT INTO posts (group_id, author_id, body, created_at)
       SELECT ($1::uuid[])[46 + i % 15], $2, 'ailleurs ' || i, now() - interval '5 days' + make_interval(secs => i) FROM generate_series(1, 2500) i`,
      [ids, outsider.userId],
    );
    await app.sql(
      `INSERT INTO posts (group_id, author_id, body, created_at)
       SELECT ($1::uuid[])[1 + i % 60], $2, 'récent ' || i, now() - interval '1 hour' + make_interval(secs => i) FROM generate_series(1, 100) i`,
      [ids, outsider.userId],
    );
    await app.sql(`UPDATE posts SET deleted_at = now() WHERE body LIKE '%3'`);
    await app.sql('VACUUM ANALYZE posts');
  }, 120_000);
  afterAll(() => app.close());

  /** What the feed must hold: live posts of readable groups the viewer belongs to or follows. */
  const expected = (viewer: Session) =>
    app
      .sql<{ id: string }>(
        `SELECT p.id FROM posts p JOIN groups g ON g.id = p.group_id
          WHERE p.deleted_at IS NULL
            AND g.id IN (SELECT group_id FROM group_memberships WHERE user_id = $1 UNION SELECT group_id FROM group_follows WHERE user_id = $1)
            AND (g.visibility = 'PUBLIC' OR EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.user_id = $1))
          ORDER BY p.created_at DESC, p.id DESC`,
        [viewer.userId],
      )
      .then((rows) => rows.map((r) => r.id));

  async function walk(viewer: Session, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<FeedPage> = await app.gql<FeedPage>(FEED, { first, after }, viewer.accessToken);
      expect(res.errors).toBeUndefined();
      const feed: FeedPage['feed'] = res.data!.feed;
      seen.push(...feed.edges.map((e) => e.node.id));
      if (!feed.pageInfo.hasNextPage) return seen;
      after = feed.pageInfo.endCursor;
    }
  }

  it('walks the staff member’s 45-group feed to its end: every live readable post once, newest first', async () => {
    const want = await expected(staff);
    expect(want.length).toBeGreaterThan(600);
    expect(await walk(staff, 100)).toEqual(want);
  });

  it('gives the same first pages in small steps (the walk and the fallback meet at page boundaries)', async () => {
    const want = await expected(staff);
    const got = await walk(staff, 7).then((ids) => ids.slice(0, 200));
    expect(got).toEqual(want.slice(0, 200));
  });

  it('an ordinary member’s feed is unchanged: their groups and follow only', async () => {
    expect(await walk(ordinary, 50)).toEqual(await expected(ordinary));
  });

  it('never shows the posts of private groups the staff member is not in', async () => {
    const privateOnes = await app.sql<{ id: string }>(
      `SELECT p.id FROM posts p JOIN groups g ON g.id = p.group_id WHERE g.slug IN (${[55, 56, 57, 58, 59]
        .map((i) => `'groupe-large-${i}'`)
        .join(',')})`,
    );
    const seen = new Set(await walk(staff, 100));
    expect(privateOnes.length).toBeGreaterThan(0);
    expect(privateOnes.filter((p) => seen.has(p.id))).toEqual([]);
  });
});
