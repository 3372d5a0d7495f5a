import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL } from '../support/graphql-client';
import { SERVER_ENTRY, ServerProcess, startServerProcess } from '../support/server-process';

/**
 * The newcomer's path: the built server, no DATABASE_URL, a fresh DATA_DIR. It must start an
 * embedded PostgreSQL, print a one-time admin password, and keep everything across a restart.
 */
describe('first start with zero configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-newcomer-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function loginAs(url: string, password: string) {
    return postGraphQL<{ login: { accessToken: string } }>(
      url,
      'mutation($p: String!) { login(email: "admin@localhost", password: $p) { accessToken } }',
      { variables: { p: password } },
    );
  }

  it('prints the admin password once, logs in, and keeps the data across a restart', async () => {
    server = await startServerProcess(env, { timeoutMs: 90_000 });
    const password = /Admin password: (\S+)/.exec(server.output())?.[1];
    expect(password).toBeDefined();
    expect(server.output()).toContain('admin@localhost');

    const first = await loginAs(server.url, password!);
    const token = first.data!.login.accessToken;
    const federation = await postGraphQL<{
      me: { memberships: { role: string; organization: { id: string; name: string } }[] };
    }>(server.url, '{ me { memberships { role organization { id name } } } }', { token });
    expect(federation.data!.me.memberships).toEqual([
      { role: 'ADMIN', organization: expect.objectContaining({ name: 'Ma fédération' }) },
    ]);
    const created = await postGraphQL<{ createOrganization: { id: string } }>(
      server.url,
      'mutation($p: ID!) { createOrganization(input: { name: "Ligue de Bretagne", kind: REGION, parentId: $p }) { id } }',
      { token, variables: { p: federation.data!.me.memberships[0].organization.id } },
    );
    expect(created.errors).toBeUndefined();

    expect(await server.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    server = await startServerProcess(env, { timeoutMs: 90_000 });
    expect(server.output()).not.toContain('Admin password');
    const again = await loginAs(server.url, password!);
    expect(again.errors).toBeUndefined();
    const regions = await postGraphQL<{ organizations: { edges: { node: { name: string } }[] } }>(
      server.url,
      '{ organizations(kind: REGION) { edges { node { name } } } }',
      { token: again.data!.login.accessToken },
    );
    expect(regions.data!.organizations.edges.map((e) => e.node.name)).toEqual(['Ligue de Bretagne']);
    // Two first starts (initdb, migrations, Meilisearch) of up to 90 s each: not a speed check.
  }, 200_000);

  it('stops with exit code 1 and one line naming a bad variable', () => {
    const result = spawnSync(process.execPath, [SERVER_ENTRY], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT /);
  });

  it('refuses to start in production without JWT_SECRET', () => {
    const result = spawnSync(process.execPath, [SERVER_ENTRY], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  });
});
