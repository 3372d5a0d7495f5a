import { ok } from './adversarial';
import { Session } from './fixtures';
import { TestApp } from './test-app';

/** Question routing through the public API and the job queue, for the routing specs. */

export async function setSkills(app: TestApp, who: Session, skills: string[]): Promise<void> {
  ok(
    await app.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { skills } },
      who.accessToken,
    ),
    'updateProfile',
  );
}

/** Who a question was routed to, best first per wave, as one of its managers sees it. */
export async function routingOf(
  app: TestApp,
  manager: Session,
  questionId: string,
): Promise<{ userId: string; wave: number; reasons: string[] }[]> {
  const res = await app.gql<{
    question: { routing: { wave: number; reasons: string[]; user: { id: string } }[] | null };
  }>(
    'query($id: ID!) { question(id: $id) { routing { wave reasons user { id } } } }',
    { id: questionId },
    manager.accessToken,
  );
  return (ok(res, 'question.routing').question.routing ?? []).map((r) => ({
    userId: r.user.id,
    wave: r.wave,
    reasons: r.reasons,
  }));
}

/** The ids in the person's "Questions pour vous". */
export async function inboxOf(app: TestApp, who: Session): Promise<string[]> {
  const res = await app.gql<{ questionsForMe: { edges: { node: { id: string } }[] } }>(
    '{ questionsForMe(first: 100) { edges { node { id } } } }',
    {},
    who.accessToken,
  );
  return ok(res, 'questionsForMe').questionsForMe.edges.map((e) => e.node.id);
}

/** Has the routing job of this question (its first wave) finished? */
export async function routed(app: TestApp, questionId: string): Promise<boolean> {
  const rows = await app.sql(
    `SELECT 1 FROM jobs WHERE name = 'question-routing.route' AND key = 'route:' || $1 AND state = 'done'`,
    [questionId],
  );
  return rows.length > 0;
}

let manualRuns = 0;

/**
 * Queues a job the way producers do (a row, then NOTIFY) and returns its id: a second routing of
 * a question, or a run of the waves job with an injected clock (`{ now }`).
 */
export async function queueJob(app: TestApp, name: string, payload: object): Promise<string> {
  manualRuns++;
  const [row] = await app.sql<{ id: string }>(
    `INSERT INTO jobs (name, payload, key) VALUES ($1, $2::jsonb, $3) RETURNING id::text AS id`,
    [name, JSON.stringify(payload), `spec:${Date.now()}:${manualRuns}`],
  );
  await app.sql('SELECT pg_notify($1, $2)', ['maillage_jobs', name]);
  return row.id;
}

export async function jobState(app: TestApp, id: string): Promise<string> {
  const [row] = await app.sql<{ state: string }>('SELECT state FROM jobs WHERE id = $1', [id]);
  return row.state;
}

/** How many notifications of `type` about `subjectId` each person got (ids in any order). */
export async function notified(app: TestApp, type: string, subjectId: string): Promise<Record<string, number>> {
  const rows = await app.sql<{ user_id: string; n: number }>(
    'SELECT user_id, count(*)::int AS n FROM notifications WHERE type = $1 AND subject_id = $2 GROUP BY user_id',
    [type, subjectId],
  );
  return Object.fromEntries(rows.map((row) => [row.user_id, row.n]));
}

/** `Question.routedCount` as `who` sees it. */
export async function routedCount(app: TestApp, who: Session, questionId: string): Promise<number> {
  const res = await app.gql<{ question: { routedCount: number } }>(
    'query($id: ID!) { question(id: $id) { routedCount } }',
    { id: questionId },
    who.accessToken,
  );
  return ok(res, 'question.routedCount').question.routedCount;
}
