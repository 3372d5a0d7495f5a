import { ok } from './adversarial';
import { Session } from './fixtures';
import { TestApp } from './test-app';

/** Questions and answers through the public API, for the questions browser spec. */

export async function askQuestion(
  app: TestApp,
  who: Session,
  input: { groupId: string; title: string; body: string; tags?: string[] },
): Promise<string> {
  const res = await app.gql<{ askQuestion: { id: string } }>(
    'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
    { input },
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

export async function acceptAnswer(app: TestApp, who: Session, answerId: string): Promise<void> {
  const res = await app.gql(
    'mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }',
    { id: answerId },
    who.accessToken,
  );
  ok(res, 'acceptAnswer');
}

/** The ids `query` finds for `who` (all types), once the index has them. */
export async function searchIds(app: TestApp, who: Session, query: string): Promise<string[]> {
  const res = await app.gql<{ search: { hits: { id: string }[] } }>(
    'query($q: String!) { search(query: $q) { hits { id } } }',
    { q: query },
    who.accessToken,
  );
  return ok(res, 'search').search.hits.map((hit) => hit.id);
}
