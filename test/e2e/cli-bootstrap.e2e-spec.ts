import { cli } from '../support/cli';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { searchEnv } from '../support/search-env';
import { ServerProcess, startServerProcess } from '../support/server-process';

/** `npm run cli -- bootstrap` on an empty database, then a server that must not bootstrap again. */
describe('cli bootstrap', () => {
  let database: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await dropTestDatabase(database);
  });

  it('creates the federation and its admin once, then changes nothing', async () => {
    const env = { DATABASE_URL: serverUrl(database), JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: 'warn', ...searchEnv() };
    const args = [
      'bootstrap',
      '--federation',
      'Fédération Française de Pétanque',
      '--email',
      'Admin@FFP.test',
      '--password',
      'petanque-password',
    ];
    const first = cli(args, env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Created the federation');
    const again = cli(args, env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing changed');

    expect(cli(['bootstrap', '--federation', 'X'], env).status).toBe(2);
    const weak = cli(['bootstrap', '--federation', 'X', '--email', 'a@b.fr', '--password', 'short'], env);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('BAD_USER_INPUT');

    server = await startServerProcess({ ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    expect(server.output()).not.toContain('Admin password');
    const login = await postGraphQL<{
      login: { user: { memberships: { role: string; organization: { name: string } }[] } };
    }>(
      server.url,
      'mutation { login(email: "admin@ffp.test", password: "petanque-password") { user { memberships { role organization { name } } } } }',
    );
    expect(login.data?.login.user.memberships).toEqual([
      { role: 'ADMIN', organization: { name: 'Fédération Française de Pétanque' } },
    ]);
  });
});
