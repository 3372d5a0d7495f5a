import { DataSource, DataSourceOptions } from 'typeorm';
import { Locks, lockSession, unlockSession } from './advisory-locks';
import { RefreshTokenEntity } from '../../modules/auth/refresh-token.entity';
import { SessionEntity } from '../../modules/auth/session.entity';
import { InvitationEntity } from '../../modules/organizations/invitation.entity';
import { OrganizationMembershipEntity } from '../../modules/organizations/organization-membership.entity';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { Foundation1764028800000 } from './migrations/1764028800000-foundation';
import { GroupsPostsFeed1764100000000 } from './migrations/1764100000000-groups-posts-feed';
import { QuestionsSearch1764200000000 } from './migrations/1764200000000-questions-search';
import { Conversations1764300000000 } from './migrations/1764300000000-conversations';
import { PrivacyAudit1764400000000 } from './migrations/1764400000000-privacy-audit';
import { Jobs1764500000000 } from './migrations/1764500000000-jobs';
import { ConversationEntity } from '../../modules/messaging/conversation.entity';
import { MessageEntity } from '../../modules/messaging/message.entity';
import { AnswerEntity } from '../../modules/questions/answer.entity';
import { QuestionEntity } from '../../modules/questions/question.entity';
import { GroupEntity } from '../../modules/groups/group.entity';
import { GroupMembershipEntity } from '../../modules/groups/group-membership.entity';
import { NotificationEntity } from '../../modules/notifications/notification.entity';
import { CommentEntity } from '../../modules/posts/comment.entity';
import { PostEntity } from '../../modules/posts/post.entity';

/** Listed, not globbed, so the same list works from src (tests) and dist (production). */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  RefreshTokenEntity,
  OrganizationEntity,
  OrganizationMembershipEntity,
  InvitationEntity,
  GroupEntity,
  GroupMembershipEntity,
  PostEntity,
  CommentEntity,
  NotificationEntity,
  QuestionEntity,
  AnswerEntity,
  ConversationEntity,
  MessageEntity,
];

/** Append-only: a schema change is a new migration at the end of this list. */
export const MIGRATIONS = [
  Foundation1764028800000,
  GroupsPostsFeed1764100000000,
  QuestionsSearch1764200000000,
  Conversations1764300000000,
  PrivacyAudit1764400000000,
  Jobs1764500000000,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
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
