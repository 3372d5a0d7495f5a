import { DataSource } from 'typeorm';
import { EventBus } from '../../src/common/events/event-bus';
import { createTestDatabase, dropTestDatabase, serverUrl } from '../support/databases';

/**
 * Domain events against a real PostgreSQL: subscribers write in the transaction of the cause (and
 * vanish with it), after-commit work happens only once the outermost transaction has committed,
 * and a rolled-back savepoint takes its after-commit work with it.
 */
describe('domain events', () => {
  let database: string;
  let db: DataSource;
  let bus: EventBus;
  const delivered: string[] = [];

  const rows = async () =>
    ((await db.query('SELECT what FROM effects ORDER BY what')) as { what: string }[]).map((row) => row.what);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: serverUrl(database) });
    await db.initialize();
    await db.query('CREATE TABLE effects (what text)');
    bus = new EventBus(db);
    bus.subscribe('post.created', async (event, { manager, afterCommit }) => {
      await manager.query('INSERT INTO effects VALUES ($1)', [`indexed ${event.postId}`]);
      afterCommit(() => delivered.push(`told about ${event.postId}`));
    });
    bus.subscribe('post.created', async (event, { manager }) => {
      if (event.authorId === 'broken') throw new Error('subscriber failed');
      await manager.query('INSERT INTO effects VALUES ($1)', [`notified ${event.postId}`]);
    });
  });

  beforeEach(async () => {
    delivered.length = 0;
    await db.query('TRUNCATE effects');
  });

  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(database);
  });

  const created = (postId: string, authorId = 'a') => ({
    type: 'post.created' as const,
    postId,
    groupId: 'g',
    authorId,
  });

  it('runs every subscriber in the write’s transaction, in order, and after-commit work once committed', async () => {
    await db.transaction(async (manager) => {
      await bus.publish(manager, created('p1'));
      expect(delivered).toEqual([]);
    });
    expect(await rows()).toEqual(['indexed p1', 'notified p1']);
    expect(delivered).toEqual(['told about p1']);
  });

  it('leaves nothing behind when the write rolls back, and tells nobody', async () => {
    await expect(
      db.transaction(async (manager) => {
        await bus.publish(manager, created('p2'));
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await rows()).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it('fails the write when a subscriber fails', async () => {
    await expect(db.transaction((manager) => bus.publish(manager, created('p3', 'broken')))).rejects.toThrow(
      'subscriber failed',
    );
    expect(await rows()).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it('drops the after-commit work of a rolled-back savepoint, keeps a released one’s', async () => {
    await db.transaction(async (manager) => {
      await manager.transaction((savepoint) => bus.publish(savepoint, created('kept')));
      await manager
        .transaction(async (savepoint) => {
          await bus.publish(savepoint, created('undone'));
          throw new Error('this erasure is skipped');
        })
        .catch(() => undefined);
      await bus.publish(manager, created('outer'));
    });
    expect(await rows()).toEqual(['indexed kept', 'indexed outer', 'notified kept', 'notified outer']);
    expect(delivered).toEqual(['told about kept', 'told about outer']);
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(bus.publish(db.manager, created('p4'))).rejects.toThrow(/inside the transaction/);
  });
});
