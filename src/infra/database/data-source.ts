import { DataSource, DataSourceOptions } from 'typeorm';
import { Locks, lockSession, unlockSession } from './advisory-locks';
import { Foundation1764028800000 } from './migrations/1764028800000-foundation';
import { GroupsPostsFeed1764100000000 } from './migrations/1764100000000-groups-posts-feed';
import { QuestionsSearch1764200000000 } from './migrations/1764200000000-questions-search';
import { Conversations1764300000000 } from './migrations/1764300000000-conversations';
import { PrivacyAudit1764400000000 } from './migrations/1764400000000-privacy-audit';
import { Jobs1764500000000 } from './migrations/1764500000000-jobs';
import { Mail1764613000000 } from './migrations/1764613000000-mail';
import { PostsRecent1764650000000 } from './migrations/1764650000000-posts-recent';
import { MembersDues1764700000000 } from './migrations/1764700000000-members-dues';
import { Announcements1764710000000 } from './migrations/1764710000000-announcements';
import { Events1764720000000 } from './migrations/1764720000000-events';
import { Files1764730000000 } from './migrations/1764730000000-files';
import { Commissions1764740000000 } from './migrations/1764740000000-commissions';
import { QuestionRouting1764750000000 } from './migrations/1764750000000-question-routing';
import { Engagement1764760000000 } from './migrations/1764760000000-engagement';

/** Append-only: a schema change is a new migration at the end of this list. */
export const MIGRATIONS = [
  Foundation1764028800000,
  GroupsPostsFeed1764100000000,
  QuestionsSearch1764200000000,
  Conversations1764300000000,
  PrivacyAudit1764400000000,
  Jobs1764500000000,
  Mail1764613000000,
  PostsRecent1764650000000,
  MembersDues1764700000000,
  Announcements1764710000000,
  Events1764720000000,
  Files1764730000000,
  Commissions1764740000000,
  QuestionRouting1764750000000,
  Engagement1764760000000,
];

/**
 * The connection, without entities: each feature module registers its own
 * (`TypeOrmModule.forFeature`, loaded by the app's `autoLoadEntities`), so infra imports no module.
 * Migrations need none.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20 },
  };
}

/** Applies pending migrations, one instance at a time. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    // All instances starting together serialise their migrations here.
    await lockSession(lock, Locks.migrations);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await unlockSession(lock, Locks.migrations);
    return applied.map((migration) => migration.name);
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
