import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { meilisearchBinary, spawnMeilisearch } from '../../src/infra/search/embedded-meilisearch';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { freePort } from '../support/free-port';
import { createGroup, createPost } from '../support/group-fixtures';
import { searchIds } from '../support/search';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Search when Meilisearch goes away and when its indexes are lost: writes keep succeeding,
 * readiness says "degraded", nothing is lost, and `reindex` rebuilds from PostgreSQL. This file
 * runs its own Meilisearch, on a fixed port, so it can stop and restart it; each test leaves it
 * running, so either can run alone.
 */
const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
const PREFIX = 'resilience';
const INDEXES = ['questions', 'answers', 'posts', 'groups', 'people'];
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ANSWER = `mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }`;
/** A cold Meilisearch (just started) takes seconds over its first writes. */
const COLD = { timeoutMs: 60_000, intervalMs: 100 };
/** The indexer retries with a backoff capped at 60 s, so catching up may take up to about that. */
const CATCH_UP = { timeoutMs: 90_000, intervalMs: 200 };

const uniqueWord = (prefix: string) =>
  prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join('');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Readiness {
  status: number;
  body: { status: string; checks: Record<string, string>; details: Record<string, Record<string, unknown>> };
}

describe('search resilience', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-meili-'));
  const masterKey = randomBytes(24).toString('base64url');
  let port: number;
  let meili: { pid: number; url: string } | undefined;
  let app: TestApp | undefined;
  let member: Session;
  let group: string;
  let before: { word: string; post: string; question: string; answer: string };

  beforeAll(async () => {
    port = await freePort();
    await startMeilisearch();
    app = await startTestApp({ MEILI_URL: meili!.url, MEILI_MASTER_KEY: masterKey, MEILI_INDEX_PREFIX: PREFIX });
    const admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    const club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Dijon',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    member = await newMember(app, admin.accessToken, club, 'MEMBER', 'Résiliente Morvan');
    group = await createGroup(app, member.accessToken, {
      organizationId: club,
      name: 'Commission intempéries',
      visibility: 'PUBLIC',
    });
    const word = uniqueWord('avant');
    const question = await ask(`Question ${word} ?`);
    before = {
      word,
      post: await createPost(app, member.accessToken, group, `Billet ${word}.`),
      question,
      answer: await answer(question, `Réponse ${word}.`),
    };
    await eventually(finds(word, [before.post, before.question, before.answer]), COLD);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (meili && alive(meili.pid)) process.kill(meili.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function startMeilisearch() {
    meili = await spawnMeilisearch({
      binary: meilisearchBinary(dir),
      dbPath: join(dir, 'db'),
      masterKey,
      port,
      logFile: join(dir, 'meilisearch.log'),
    });
  }
  async function stopMeilisearch() {
    const { pid, url } = meili!;
    process.kill(pid, 'SIGTERM');
    await eventually(async () => expect(alive(pid)).toBe(false), { timeoutMs: 20_000 });
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }
  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await app!.gql(query, variables, member.accessToken);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return (Object.values(res.data)[0] as { id: string }).id;
  };
  const ask = (title: string) => run(ASK, { input: { groupId: group, title, body: 'Merci.' } });
  const answer = (questionId: string, body: string) => run(ANSWER, { input: { questionId, body } });
  const finds = (query: string, ids: string[]) => async () =>
    expect(await searchIds(app!, member.accessToken, query, { first: 100 })).toEqual(expect.arrayContaining(ids));
  const findable = (query: string, ids: string[]) => eventually(finds(query, ids), CATCH_UP);
  const ready = async (): Promise<Readiness> => {
    const res = await fetch(`${app!.url}/health/ready`);
    return { status: res.status, body: (await res.json()) as Readiness['body'] };
  };
  const meiliApi = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(`${meili!.url}${path}`, { method, headers: { authorization: `Bearer ${masterKey}` } });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  it('keeps accepting writes while Meilisearch is down, says "degraded", and catches up with nothing lost', async () => {
    const word = uniqueWord('panne');
    await stopMeilisearch();
    try {
      const written = [await createPost(app!, member.accessToken, group, `Coupure ${word} du gymnase.`)];
      const question = await ask(`Question ${word} pendant la coupure ?`);
      written.push(question, await answer(question, `Réponse ${word} pendant la coupure.`));

      const sample = async () => {
        const { status, body } = await ready();
        return { status, search: body.checks.search, database: body.checks.database, details: body.details.search };
      };
      await eventually(async () => expect(await sample()).toMatchObject({ status: 200, search: 'degraded' }));
      // Not only right after a failed attempt: every answer over two seconds says so.
      const samples = [];
      for (let i = 0; i < 8; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        samples.push(await sample());
      }
      expect(samples.map(({ status, search, database }) => ({ status, search, database }))).toEqual(
        samples.map(() => ({ status: 200, search: 'degraded', database: 'up' })),
      );
      expect(samples.every((s) => s.details?.reachable === false && Number(s.details?.backlog) > 0)).toBe(true);

      written.push(await createPost(app!, member.accessToken, group, `Toujours ${word} en panne.`));
      await startMeilisearch();
      expect(meili!.url).toBe(`http://127.0.0.1:${port}`);
      await eventually(finds(word, written), CATCH_UP);
      await findable(before.word, [before.post, before.question, before.answer]);
      await eventually(
        async () => expect(await ready()).toMatchObject({ status: 200, body: { checks: { search: 'up' } } }),
        CATCH_UP,
      );
    } finally {
      if (!alive(meili!.pid)) await startMeilisearch();
    }
  }, 150_000);

  it('reindex rebuilds every index from the database after they were emptied by hand', async () => {
    const person = member.userId;
    // Nothing left in the outbox, so only reindex can bring the documents back.
    await eventually(async () => expect((await ready()).body.details.search).toMatchObject({ backlog: 0 }), CATCH_UP);
    for (const index of INDEXES) {
      const { taskUid } = await meiliApi<{ taskUid: number }>('DELETE', `/indexes/${PREFIX}_${index}/documents`);
      await eventually(
        async () =>
          expect(await meiliApi<{ status: string }>('GET', `/tasks/${taskUid}`)).toMatchObject({ status: 'succeeded' }),
        { timeoutMs: 30_000 },
      );
      const stats = await meiliApi<{ numberOfDocuments: number }>('GET', `/indexes/${PREFIX}_${index}/stats`);
      expect(stats.numberOfDocuments).toBe(0);
    }
    expect(await searchIds(app!, member.accessToken, before.word)).toEqual([]);
    expect(await searchIds(app!, member.accessToken, 'Morvan', { types: ['PERSON'] })).toEqual([]);
    expect(await searchIds(app!, member.accessToken, 'intempéries', { types: ['GROUP'] })).toEqual([]);

    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'reindex'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...app!.env },
      timeout: 120_000,
    });
    const [{ n }] = await app!.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE deleted_at IS NULL');
    expect(stdout).toMatch(new RegExp(`^Reindexed: .*\\b${n} question\\b`));

    await findable(before.word, [before.post, before.question, before.answer]);
    await eventually(async () => {
      expect(await searchIds(app!, member.accessToken, 'Morvan', { types: ['PERSON'] })).toContain(person);
      expect(await searchIds(app!, member.accessToken, 'intempéries', { types: ['GROUP'] })).toContain(group);
    });
  }, 180_000);
});
