import { ok } from './adversarial';
import { Session } from './fixtures';
import { TestApp } from './test-app';

/** Content and profile helpers for the privacy specs (questions, answers, profiles, invitations), through the public API. */

export async function askQuestion(
  app: TestApp,
  who: Session,
  groupId: string,
  title: string,
  body: string,
): Promise<string> {
  const res = await app.gql<{ askQuestion: { id: string } }>(
    'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
    { input: { groupId, title, body } },
    who.accessToken,
  );
  return ok(res, 'askQuestion').askQuestion.id;
}

export async function answerQuestion(app: TestApp, who: Session, questionId: string, body: string): Promise<string> {
  const res = await app.gql<{ answerQuestion: { id: string } }>(
    'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }',
    { input: { questionId, body } },
    who.accessToken,
  );
  return ok(res, 'answerQuestion').answerQuestion.id;
}

export async function updateProfile(app: TestApp, who: Session, input: Record<string, unknown>): Promise<void> {
  const res = await app.gql(
    'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
    { input },
    who.accessToken,
  );
  ok(res, 'updateProfile');
}

/** Accepts an invitation for an email that already has an account (its password, no new account). */
export async function acceptAsExisting(app: TestApp, token: string, password: string): Promise<void> {
  const res = await app.gql(
    'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }',
    { input: { token, password } },
  );
  ok(res, 'acceptInvitation');
}

/** For each table, how many rows hold `text` anywhere (`row::text ILIKE '%text%'`): where personal data remains. */
export async function rowsHolding(app: TestApp, tables: string[], text: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await app.sql<{ n: string }>(
      `SELECT count(*) AS n FROM ${table} t WHERE t::text ILIKE '%' || $1 || '%'`,
      [text],
    );
    counts[table] = Number(n);
  }
  return counts;
}
