import { cliAsync } from '../support/cli';
import { eventually } from '../support/eventually';
import { createOrganization, federationId, login, loginAdmin, newMember, Session } from '../support/fixtures';
import { createGroup, createPost } from '../support/group-fixtures';
import { errorCode } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Retention as a background job: the schedule is stored for every instance to share, an operator
 * queues a run with `cli jobs:run`, a running server takes it and purges the people whose last
 * membership ended more than DATA_RETENTION_MONTHS ago (and nobody else), their posts staying
 * under "Ancien membre".
 */
describe('retention, run by the job system', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;

  const removeMember = (userId: string) =>
    app.gql(
      'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }',
      { o: club, u: userId },
      admin.accessToken,
    );
  const author = async (postId: string, token: string) =>
    (
      await app.gql<{ post: { author: { displayName: string } | null } }>(
        'query($id: ID!) { post(id: $id) { author { displayName } } }',
        { id: postId },
        token,
      )
    ).data?.post.author?.displayName;

  beforeAll(async () => {
    app = await startTestApp({ DATA_RETENTION_MONTHS: '12' });
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Nantes',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
  });

  afterAll(() => app.close());

  it('keeps one shared schedule, every 6 hours', async () => {
    expect(await app.sql(`SELECT name, spec FROM job_schedules WHERE name = 'privacy.retention'`)).toEqual([
      { name: 'privacy.retention', spec: 'every 21600s' },
    ]);
  });

  it('purges a long-gone member when an operator queues a run, and keeps a recent one', async () => {
    const gone = await newMember(app, admin.accessToken, club, 'MEMBER', 'Ancienne Trésorière');
    const recent = await newMember(app, admin.accessToken, club, 'MEMBER', 'Partie Récemment');
    const stays = await newMember(app, admin.accessToken, club, 'MEMBER', 'Toujours Là');
    const group = await createGroup(app, stays.accessToken, {
      organizationId: club,
      name: 'Bureau',
      visibility: 'PUBLIC',
    });
    await app.gql('mutation($g: ID!) { joinGroup(groupId: $g) { id } }', { g: group }, gone.accessToken);
    const post = await createPost(app, gone.accessToken, group, 'Compte rendu de la dernière assemblée.');
    for (const person of [gone, recent]) expect((await removeMember(person.userId)).errors).toBeUndefined();
    await app.sql(`UPDATE users SET memberships_ended_at = now() - interval '13 months' WHERE id = $1`, [gone.userId]);

    const queued = await cliAsync(['jobs:run', 'privacy.retention'], app.env);
    expect(queued.stderr).toBe('');
    expect(queued.stdout).toContain('Queued privacy.retention');

    await eventually(
      async () => expect(await app.sql('SELECT purged_count FROM data_retention_runs')).toEqual([{ purged_count: 1 }]),
      { timeoutMs: 30_000 },
    );
    const refused = await app.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: gone.email, p: gone.password },
    );
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(await author(post, stays.accessToken)).toBe('Ancien membre');
    expect((await login(app, recent.email, recent.password)).userId).toBe(recent.userId);
    // The run is recorded as a finished job (its key keeps a second queueing of the same moment out).
    const [job] = await app.sql<{ state: string; key: string }>(
      `SELECT state, key FROM jobs WHERE name = 'privacy.retention'`,
    );
    expect(job).toMatchObject({ state: 'done', key: expect.stringMatching(/^manual:/) });
  });

  it('refuses to queue what is not a scheduled job, and reports waiting and failed jobs', async () => {
    const refused = await cliAsync(['jobs:run', 'search.index'], app.env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('not a scheduled job');
    const status = await cliAsync(['jobs:status'], app.env);
    expect(status.status).toBe(0);
    const health = (await (await fetch(`${app.url}/health/ready`)).json()) as {
      checks: Record<string, string>;
      details: { jobs: { waiting: Record<string, number>; failed: Record<string, number> } };
    };
    expect(health.checks.jobs).toBe('up');
    expect(health.details.jobs.failed).toEqual({});
  });
});
