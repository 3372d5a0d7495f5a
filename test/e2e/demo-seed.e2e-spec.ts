import { cli } from '../support/cli';
import { createTestDatabase, dropTestDatabase, serverUrl, sql } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { searchEnv } from '../support/search-env';
import { eventually } from '../support/eventually';
import { ServerProcess, startServerProcess } from '../support/server-process';

async function login(url: string, email: string): Promise<string> {
  const res = await postGraphQL<{ login: { accessToken: string } }>(
    url,
    'mutation($e: String!) { login(email: $e, password: "maillage-demo-2026") { accessToken } }',
    { variables: { e: email } },
  );
  if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
  return res.data.login.accessToken;
}

/** `npm run cli -- seed:demo`: the French demo federation, once, under the bootstrap federation, alive through the API. */
describe('cli seed:demo', () => {
  let database: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await dropTestDatabase(database);
  });

  it('loads the demo under the bootstrap federation once, prints logins, and the federation lives', async () => {
    const env = { DATABASE_URL: serverUrl(database), JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: 'warn', ...searchEnv() };
    const bootstrap = cli(
      ['bootstrap', '--federation', 'Ma fédération', '--email', 'admin@localhost', '--password', 'admin-password-123'],
      env,
    );
    expect(bootstrap.status).toBe(0);

    const first = cli(['seed:demo'], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('renamed from "Ma fédération"');
    expect(first.stdout).toContain('maillage-demo-2026');
    for (const email of ['claire.martin@ffsa-demo.fr', 'yann.legoff@ffsa-demo.fr', 'lea.dubois@ffsa-demo.fr'])
      expect(first.stdout).toContain(email);

    const again = cli(['seed:demo'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing changed');

    const [counts] = await sql<Record<string, number>>(
      database,
      `SELECT (SELECT count(*)::int FROM organizations WHERE kind = 'FEDERATION') AS federations,
              (SELECT count(*)::int FROM organizations WHERE kind = 'REGION') AS regions,
              (SELECT count(*)::int FROM organizations WHERE kind = 'ASSOCIATION') AS associations,
              (SELECT count(*)::int FROM users) AS people,
              (SELECT count(*)::int FROM groups) AS groups,
              (SELECT count(*)::int FROM posts) AS posts,
              (SELECT count(*)::int FROM questions) AS questions,
              (SELECT count(*)::int FROM questions WHERE status = 'ANSWERED') AS answered,
              (SELECT count(DISTINCT kind)::int FROM conversations) AS conversation_kinds`,
    );
    expect(counts).toMatchObject({ federations: 1, regions: 13, associations: 60, conversation_kinds: 2 });
    expect(counts.people).toBeGreaterThan(280);
    expect(counts.groups).toBeGreaterThanOrEqual(38);
    expect(counts.posts).toBeGreaterThanOrEqual(1800);
    expect(counts.questions).toBeGreaterThanOrEqual(250);
    expect(counts.answered).toBeGreaterThan(0);

    server = await startServerProcess({ ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    // The bootstrap admin is still there and now administers the renamed federation.
    const admin = await postGraphQL<{ login: { user: { memberships: { organization: { name: string } }[] } } }>(
      server.url,
      'mutation { login(email: "admin@localhost", password: "admin-password-123") { user { memberships { organization { name } } } } }',
    );
    expect(admin.data?.login.user.memberships[0].organization.name).toBe('Fédération Française de Sport Associatif');

    const token = await login(server.url, 'lea.dubois@ffsa-demo.fr');
    const home = await postGraphQL<{
      feed: { edges: { node: { body: string; group: { name: string } } }[] };
      conversations: { edges: { node: { kind: string } }[] };
    }>(
      server.url,
      '{ feed(first: 10) { edges { node { body group { name } } } } conversations(first: 10) { edges { node { kind } } } }',
      { token },
    );
    expect(home.errors).toBeUndefined();
    expect(home.data?.feed.edges).toHaveLength(10);
    expect(home.data?.conversations.edges.length).toBeGreaterThan(0);

    // Everything was queued for search: the server's indexer drains it.
    await eventually(
      async () => {
        const res = await postGraphQL<{ search: { hits: { type: string }[] } }>(
          server!.url,
          '{ search(query: "subvention", first: 5) { hits { type } } }',
          { token },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data?.search.hits.length).toBeGreaterThan(0);
      },
      // ~2,000 posts and 250 questions go through the indexer: on a loaded 2-core CI machine
      // Meilisearch takes tens of seconds to create the indexes and take them in.
      { timeoutMs: 75_000 },
    );
  }, 160_000);
});
