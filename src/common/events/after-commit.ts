import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { createLogger } from '../logging/logger';

interface Pending {
  /** The (savepoint) level it was registered at: rolling that level back drops it. */
  level: number;
  run: () => void;
}

const depth = new WeakMap<QueryRunner, number>();
const pending = new WeakMap<QueryRunner, Pending[]>();
const logger = createLogger('AfterCommit');

/**
 * Follows every transaction of the data source (and its savepoints): callbacks registered with
 * `afterCommit` run once the outermost transaction commits, and are dropped with the (sub)transaction
 * they were registered in if it rolls back.
 */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionStart({ queryRunner }: { queryRunner: QueryRunner }): void {
    depth.set(queryRunner, (depth.get(queryRunner) ?? 0) + 1);
  }

  afterTransactionCommit({ queryRunner }: { queryRunner: QueryRunner }): void {
    const level = (depth.get(queryRunner) ?? 1) - 1;
    depth.set(queryRunner, level);
    const callbacks = pending.get(queryRunner);
    if (!callbacks) return;
    if (level > 0) {
      // A savepoint was released: what it registered now belongs to the enclosing level.
      for (const callback of callbacks) callback.level = Math.min(callback.level, level);
      return;
    }
    pending.delete(queryRunner);
    for (const callback of callbacks) {
      try {
        callback.run();
      } catch (err) {
        logger.error({ err }, 'an after-commit callback failed');
      }
    }
  }

  afterTransactionRollback({ queryRunner }: { queryRunner: QueryRunner }): void {
    const level = (depth.get(queryRunner) ?? 1) - 1;
    depth.set(queryRunner, level);
    const callbacks = pending.get(queryRunner)?.filter((callback) => callback.level <= level);
    if (callbacks?.length && level > 0) pending.set(queryRunner, callbacks);
    else pending.delete(queryRunner);
  }
}

const installed = new WeakSet<DataSource>();

/** Once per data source, before any transaction that registers callbacks. */
export function installAfterCommit(db: DataSource): void {
  if (installed.has(db)) return;
  installed.add(db);
  db.subscribers.push(new AfterCommitSubscriber());
}

/**
 * Runs `run` after the caller's transaction commits (never if it rolls back): for what must not
 * happen before the data is visible to others, such as telling sockets about a notification.
 */
export function afterCommit(manager: EntityManager, run: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive || !depth.get(runner)) {
    throw new Error('afterCommit needs a transaction opened with db.transaction(...)');
  }
  const callbacks = pending.get(runner) ?? [];
  callbacks.push({ level: depth.get(runner)!, run });
  pending.set(runner, callbacks);
}
