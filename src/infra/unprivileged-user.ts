import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppLogger } from '../common/logging/logger';

/**
 * PostgreSQL refuses to run as root. When Maillage itself runs as root (this machine, CI, many
 * small servers), embedded services run as an unprivileged system user instead.
 */
export interface ServiceUser {
  uid: number;
  gid: number;
  name: string;
}

const PREFERRED_USER = 'postgres';

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function lookup(name: string): ServiceUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid, name };
  } catch {
    return undefined;
  }
}

/** The user embedded services run as: `postgres` when it exists, else a system user created for the purpose. */
export function ensureServiceUser(logger: AppLogger): ServiceUser {
  const existing = lookup(PREFERRED_USER);
  if (existing) return existing;
  logger.warn({ user: PREFERRED_USER }, 'creating a system user to run embedded services (they refuse root)');
  execFileSync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    PREFERRED_USER,
  ]);
  const created = lookup(PREFERRED_USER);
  if (!created) throw new Error(`could not create the system user ${PREFERRED_USER}`);
  return created;
}

/**
 * Lets `user` reach `path` by adding the search (x) bit for others on each ancestor that lacks it.
 * Only traversal is granted, never listing or reading; needed when the checkout lives under /root.
 */
export function grantTraversal(path: string, user: ServiceUser, logger: AppLogger): void {
  let current = resolve(path);
  const changed: string[] = [];
  for (;;) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
    const stat = statSync(current);
    const reachable =
      (stat.mode & 0o001) !== 0 ||
      (stat.uid === user.uid && (stat.mode & 0o100) !== 0) ||
      (stat.gid === user.gid && (stat.mode & 0o010) !== 0);
    if (!reachable) {
      chmodSync(current, stat.mode | 0o001);
      changed.push(current);
    }
  }
  if (changed.length > 0)
    logger.warn({ directories: changed }, `granted traversal (o+x) so ${user.name} can reach its files`);
}
