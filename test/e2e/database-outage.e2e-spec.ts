import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureRootLogger, createLogger } from '../../src/common/logging/logger';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../src/infra/database/embedded-postgres';
import { eventually } from '../support/eventually';
import { loginAdmin, Session } from '../support/fixtures';
import { freePort } from '../support/free-port';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * While PostgreSQL restarts, a client is told to try again in a moment (SERVICE_UNAVAILABLE,
 * reason DATABASE_UNAVAILABLE, retryAfter), not that the server has a bug; and the server carries
 * on by itself once PostgreSQL is back. This file runs its own PostgreSQL, so stopping it disturbs
 * no other spec.
 */
describe('while PostgreSQL restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-pg-outage-'));
  const logger = createLogger('OutagePostgres');
  let port: number;
  let postgres: EmbeddedPostgres;
  let app: TestApp;
  let admin: Session;

  const me = () => app.gql<{ me: { id: string } }>('{ me { id } }', {}, admin.accessToken);
  const ready = async () => (await fetch(`${app.url}/health/ready`)).status;

  beforeAll(async () => {
    configureRootLogger('warn');
    port = await freePort();
    postgres = await startEmbeddedPostgres(dir, logger, { port });
    app = await startTestApp({}, { databaseUrl: postgres.url });
    admin = await loginAdmin(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE with a reason and retryAfter, then serves again by itself', async () => {
    expect((await me()).data?.me.id).toBe(admin.userId);
    await postgres.stop();

    const during = await me();
    expect(during.data ?? null).toBeNull();
    expect(during.errors?.[0]).toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', retryAfter: 2 },
    });
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat/i);
    expect(await ready()).toBe(503);

    postgres = await startEmbeddedPostgres(dir, logger, { port });
    await eventually(async () => expect((await me()).data?.me.id).toBe(admin.userId), { timeoutMs: 30_000 });
    await eventually(async () => expect(await ready()).toBe(200), { timeoutMs: 30_000 });
    expect(app.server.child.exitCode).toBeNull();
  }, 120_000);
});
