import { ok } from '../support/adversarial';
import { cliAsync } from '../support/cli';
import { startConversation, sendMessage } from '../support/conversations';
import { createOrganization, federationId, loginAdmin, newMember, Session } from '../support/fixtures';
import { addComment, createGroup, createPost, joinGroup } from '../support/group-fixtures';
import { answerQuestion, askQuestion } from '../support/privacy-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { userColumns } from '../../src/common/personal-data/user-columns';

/**
 * Personal data is declared by each module beside its tables (`*.personal-data.ts`). The
 * catalogue check reads the real schema: every column that references people must be declared
 * (with what erasure does and what the export shows), or `cli personal-data --check` fails; and an
 * erasure leaves the person's id in no such column.
 */
describe('personal data declared by each module', () => {
  let app: TestApp;
  let admin: Session;
  let club: string;
  let group: string;

  const check = () => cliAsync(['personal-data', '--check'], app.env);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await loginAdmin(app);
    const fed = await federationId(app, admin.accessToken);
    club = await createOrganization(app, admin.accessToken, {
      name: 'Club de Brest',
      kind: 'ASSOCIATION',
      parentId: fed,
    });
    group = await createGroup(app, admin.accessToken, {
      organizationId: club,
      name: 'Vie du club',
      visibility: 'PUBLIC',
    });
  });

  afterAll(() => app.close());

  it('covers every column of the schema that references people', async () => {
    const result = await check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // One line per declared table: its module, its columns with their erasure, its export.
    expect(result.stdout).toMatch(/^posts\s+posts\s+author_id: reattribute\s+export: posts$/m);
    expect(result.stdout).toMatch(/^audit\s+audit_log\s+actor_id: clear\s+not exported: /m);
  });

  it('fails when a new table holds people and no module declares it (by foreign key or by name)', async () => {
    await app.sql('CREATE TABLE zz_undeclared_rsvps (event_id uuid, user_id uuid REFERENCES users (id))');
    await app.sql('CREATE TABLE zz_undeclared_mail (id bigint, recipient_id uuid, body text)');
    try {
      const result = await check();
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        'undeclared: zz_undeclared_mail.recipient_id references people',
        'undeclared: zz_undeclared_rsvps.user_id references people',
      ]);
    } finally {
      await app.sql('DROP TABLE zz_undeclared_rsvps, zz_undeclared_mail');
    }
  });

  it('exports what every module declared, and erasure leaves the person’s id in no column that references people', async () => {
    const [gone, friend] = [
      await newMember(app, admin.accessToken, club),
      await newMember(app, admin.accessToken, club),
    ];
    for (const who of [gone, friend]) await joinGroup(app, who.accessToken, group);
    const post = await createPost(app, gone.accessToken, group, 'Une publication');
    await addComment(app, friend.accessToken, post, 'Un commentaire');
    await addComment(app, gone.accessToken, post, 'Une réponse');
    const question = await askQuestion(app, friend, group, 'Une question ?', 'Détails');
    const answer = await answerQuestion(app, gone, question, 'Une réponse');
    ok(
      await app.gql(
        'mutation($a: ID!) { voteAnswer(answerId: $a, value: 1) { id } }',
        { a: answer },
        friend.accessToken,
      ),
      'voteAnswer',
    );
    ok(await app.gql('mutation($p: ID!) { react(postId: $p) { id } }', { p: post }, gone.accessToken), 'react');
    const conversation = (await startConversation(app, gone.accessToken, [friend.userId])).id;
    await sendMessage(app, gone.accessToken, conversation, 'Bonjour');

    const exported = ok(
      await app.gql<{ exportMyData: Record<string, unknown> }>('{ exportMyData }', {}, gone.accessToken),
      'exportMyData',
    ).exportMyData;
    const keys = [...(await check()).stdout.matchAll(/export: (\S+)$/gm)].map((match) => match[1]);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    for (const key of keys) {
      const value = key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], exported);
      expect({ key, present: value !== undefined }).toEqual({ key, present: true });
    }

    ok(
      await app.gql('mutation($p: String!) { deleteMyAccount(password: $p) }', { p: gone.password }, gone.accessToken),
      'deleteMyAccount',
    );
    const holding: string[] = [];
    for (const { table, column } of await userColumns({ query: (sql, params) => app.sql(sql, params) })) {
      const [{ n }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [
        gone.userId,
      ]);
      if (n > 0) holding.push(`${table}.${column}`);
    }
    expect(holding).toEqual([]);
    // Public contributions stayed, under "Ancien membre"; the friend's conversation kept the message.
    const [kept] = await app.sql<{ author: string }>(
      'SELECT u.display_name AS author FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = $1',
      [post],
    );
    expect(kept.author).toBe('Ancien membre');
    expect(await app.sql('SELECT body FROM messages WHERE conversation_id = $1', [conversation])).toEqual([
      { body: 'Bonjour' },
    ]);
  });
});
