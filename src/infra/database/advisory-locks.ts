import { EntityManager, QueryRunner } from 'typeorm';

/**
 * Every PostgreSQL advisory lock Maillage takes, by name: the single registry of lock names.
 *
 * A lock's key is the 64-bit hash of its name (`hashtextextended`), so nobody picks a number by hand
 * and two different names cannot share a key by mistake (the chance of a 64-bit collision between a
 * few thousand names is about 1e-13). Names are namespaced: a lock per thing (a conversation, an
 * e-mail address, a job name) is `<kind>:<id>`. Nothing outside this file calls `pg_advisory_*`
 * (a unit spec checks).
 */
export const Locks = {
  /** Applying migrations: instances starting together queue here. */
  migrations: 'migrations',
  /** First-start federation and admin. */
  bootstrap: 'bootstrap',
  /** `seed:demo`: a concurrent second run waits, then finds the demo and changes nothing. */
  demoSeed: 'demo-seed',
  /** Retention: the scheduled job and `cli retention` never purge side by side. */
  retention: 'retention',
  /** At most one claim at a time of an exclusive job (e.g. retention), across instances. */
  job: (name: string) => `job:${name}`,
  /** Message sequence numbers and broadcast order within one conversation. */
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** Creating an account for an e-mail address: two invitations accepted at once meet one account. */
  account: (email: string) => `account:${email}`,
} as const;

type LockFactory = (typeof Locks)[keyof typeof Locks];
export type LockName = Extract<LockFactory, string> | ReturnType<Extract<LockFactory, (arg: string) => string>>;

/** The SQL expression of a lock's key for the name in parameter `param` (e.g. `$1`). */
function key(param: string): string {
  return `hashtextextended('maillage:' || ${param}, 0)`;
}

type Queryable = Pick<EntityManager | QueryRunner, 'query'>;

/** Waits for the lock; it is released when the caller's transaction ends. */
export async function lockForTransaction(db: Queryable, name: LockName): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(${key('$1')})`, [name]);
}

/** Takes the lock for the caller's transaction if it is free; false when someone else holds it. */
export async function tryLockForTransaction(db: Queryable, name: LockName): Promise<boolean> {
  const [row] = (await db.query(`SELECT pg_try_advisory_xact_lock(${key('$1')}) AS locked`, [name])) as {
    locked: boolean;
  }[];
  return row.locked;
}

/** Waits for a lock held by this connection (not its transaction) until `unlockSession`. */
export async function lockSession(runner: QueryRunner, name: LockName): Promise<void> {
  await runner.query(`SELECT pg_advisory_lock(${key('$1')})`, [name]);
}

export async function unlockSession(runner: QueryRunner, name: LockName): Promise<void> {
  await runner.query(`SELECT pg_advisory_unlock(${key('$1')})`, [name]);
}
