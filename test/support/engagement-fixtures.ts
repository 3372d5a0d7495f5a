import { createOrganization, federationId, newMember, Session } from './fixtures';
import { TestApp } from './test-app';

/**
 * A small federation with known activity at known times (written in SQL, with `created_at` in
 * the past), for the engagement figures. Hand-computed figures over 90 days:
 * people 13; contributors 6 (a1..a5, b1); active readers 8; new members 4 (admin, staff,
 * alphaAdmin, member); questions 5 with first answers after 2 h, 10 h, 60 h and two never
 * (a3's own answer does not count): within 48 h 2/5, median 60 h, p80 +infinity → null;
 * scores a2 8 (accepted 5 + answer 3), a1 8 (2 posts, 1 comment, 1 answer), a3 4 (answer, event),
 * a5 3 (comment, 2 events), b1 2; announcement reach 3/4 (Alpha's: 3 people reached, null).
 * Alpha has 8 members, Beta 3 (every cell null), Gamma none and is 100 days old (dormant).
 */
export interface EngagementFixture {
  federation: string;
  region: string;
  alpha: string;
  beta: string;
  gamma: string;
  alphaAdmin: Session;
  member: Session;
  staff: Session;
  people: Record<string, string>;
}

const HOUR = `interval '1 hour'`;

export async function seedEngagement(app: TestApp, adminToken: string): Promise<EngagementFixture> {
  const federation = await federationId(app, adminToken);
  const region = await createOrganization(app, adminToken, {
    name: 'Ligue Ouest',
    kind: 'REGION',
    parentId: federation,
  });
  const alpha = await createOrganization(app, adminToken, {
    name: 'Club Alpha',
    kind: 'ASSOCIATION',
    parentId: region,
  });
  const beta = await createOrganization(app, adminToken, { name: 'Club Beta', kind: 'ASSOCIATION', parentId: region });
  const gamma = await createOrganization(app, adminToken, {
    name: 'Club Gamma',
    kind: 'ASSOCIATION',
    parentId: federation,
  });
  await app.sql(`UPDATE organizations SET created_at = now() - interval '100 days' WHERE id = ANY($1::uuid[])`, [
    [alpha, beta, gamma],
  ]);
  const alphaAdmin = await newMember(app, adminToken, alpha, 'ADMIN', 'Alice Admin');
  const member = await newMember(app, adminToken, alpha, 'MEMBER', 'Marc Membre');
  const staff = await newMember(app, adminToken, region, 'STAFF', 'Sophie Salariée');

  const people: Record<string, string> = {};
  const names = {
    a1: 'Anne',
    a2: 'Bruno',
    a3: 'Chloé',
    a4: 'David',
    a5: 'Emma',
    a6: 'Fanny',
    b1: 'Gilles',
    b2: 'Hélène',
    b3: 'Inès',
  };
  for (const [key, name] of Object.entries(names)) {
    const [row] = await app.sql<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name) VALUES ($1, 'x', $2) RETURNING id`,
      [`${key}.${Date.now()}@engagement.test`, `${name} ${key.toUpperCase()}`],
    );
    people[key] = row.id;
    await app.sql(
      `INSERT INTO organization_memberships (organization_id, user_id, role, created_at)
       VALUES ($1, $2, 'MEMBER', now() - interval '200 days')`,
      [key.startsWith('a') ? alpha : beta, row.id],
    );
  }
  const session = (key: string, daysAgo: number) =>
    app.sql(
      `INSERT INTO sessions (user_id, created_at, last_used_at) VALUES ($1, now() - $2 * interval '1 day', now() - $2 * interval '1 day')`,
      [people[key], daysAgo],
    );
  await session('a1', 10);
  await session('a2', 100);
  await session('a5', 1);
  await session('a6', 50);
  await session('b1', 5);

  const [{ id: group }] = await app.sql<{ id: string }>(
    `INSERT INTO groups (organization_id, name, slug, visibility) VALUES ($1, 'Vie du club', 'vie-du-club-engagement', 'PUBLIC') RETURNING id`,
    [alpha],
  );
  const post = async (key: string, daysAgo: number) =>
    (
      await app.sql<{ id: string }>(
        `INSERT INTO posts (group_id, author_id, body, created_at) VALUES ($1, $2, 'Bonjour', now() - $3 * interval '1 day') RETURNING id`,
        [group, people[key], daysAgo],
      )
    )[0].id;
  const firstPost = await post('a1', 20);
  await post('a1', 19);
  await post('b1', 3);
  await post('a4', 400);
  await post('a6', 30);
  await app.sql(`UPDATE posts SET deleted_at = now() WHERE author_id = $1`, [people.a6]);
  const comment = (key: string, daysAgo: number) =>
    app.sql(
      `INSERT INTO comments (post_id, author_id, body, created_at) VALUES ($1, $2, 'Merci', now() - $3 * interval '1 day')`,
      [firstPost, people[key], daysAgo],
    );
  await comment('a1', 18);
  await comment('a5', 2);
  const question = async (key: string, daysAgo: number) =>
    (
      await app.sql<{ id: string }>(
        `INSERT INTO questions (group_id, author_id, title, body, created_at)
         VALUES ($1, $2, 'Une question ?', 'Détails', now() - $3 * interval '1 day') RETURNING id`,
        [group, people[key], daysAgo],
      )
    )[0].id;
  const answer = async (questionId: string, key: string, hoursAfter: number) =>
    (
      await app.sql<{ id: string }>(
        `INSERT INTO answers (question_id, author_id, body, created_at)
         SELECT id, $2, 'Réponse', created_at + $3 * ${HOUR} FROM questions WHERE id = $1 RETURNING id`,
        [questionId, people[key], hoursAfter],
      )
    )[0].id;
  const q1 = await question('a3', 30);
  const accepted = await answer(q1, 'a2', 10);
  await app.sql(`UPDATE questions SET accepted_answer_id = $2, status = 'ANSWERED' WHERE id = $1`, [q1, accepted]);
  await answer(await question('a3', 20), 'a2', 60);
  await answer(await question('a3', 10), 'a3', 1);
  await answer(await question('a4', 5), 'a1', 2);
  await question('b1', 3);

  // Events: a5 went to two held in the window, a3 to one; cancelled and future ones do not count.
  const event = async (daysAgo: number, going: string[], cancelled = false) => {
    const [{ id }] = await app.sql<{ id: string }>(
      `INSERT INTO events (group_id, title, starts_at, ends_at, cancelled_at)
       VALUES ($1, 'Assemblée', now() - $2 * interval '1 day', now() - $2 * interval '1 day' + interval '2 hours',
               CASE WHEN $3 THEN now() END) RETURNING id`,
      [group, daysAgo, cancelled],
    );
    for (const key of going)
      await app.sql(`INSERT INTO event_rsvps (event_id, user_id, status) VALUES ($1, $2, 'GOING')`, [id, people[key]]);
  };
  await event(10, ['a5', 'a3']);
  await event(40, ['a5']);
  await event(12, ['a1'], true);
  await event(-5, ['b1']);
  // An announcement of the federation 10 days ago to a1, a2, a3 and b1, read by three of them.
  const [{ id: announcement }] = await app.sql<{ id: string }>(
    `INSERT INTO announcements (organization_id, title, body, channels, sent_at)
     VALUES ($1, 'Assemblée générale', 'Venez nombreux', '{IN_APP}', now() - interval '10 days') RETURNING id`,
    [federation],
  );
  for (const [key, read] of [
    ['a1', true],
    ['a2', true],
    ['a3', false],
    ['b1', true],
  ] as const)
    await app.sql(
      `INSERT INTO announcement_recipients (announcement_id, user_id, sent_at, read_at)
       VALUES ($1, $2, now() - interval '10 days', CASE WHEN $3 THEN now() - interval '9 days' END)`,
      [announcement, people[key], read],
    );
  return { federation, region, alpha, beta, gamma, alphaAdmin, member, staff, people };
}
