import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { byKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { addWordFilters } from '../../common/pagination/filters';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { PeopleArgs } from './dto/people.args';
import { UpdateProfileInput } from './dto/update-profile.input';
import { consentOf, ProfileVisibility, sharesFieldSql } from '../../access/profile-policy';
import { UserEntity } from './user.entity';
import { DomainEvents } from '../../common/events/domain-events';

/**
 * What the directory search looks through, folded by PostgreSQL (maillage_fold) at query time.
 * Only what the person shares is searchable: a hidden job title must not be findable either.
 */
export function directoryText(
  user: Pick<UserEntity, 'displayName' | 'jobTitle' | 'skills' | 'interests'> & {
    profileVisibility?: Partial<ProfileVisibility>;
  },
): string {
  const shown = consentOf(user.profileVisibility);
  return [
    user.displayName,
    shown.jobTitle ? (user.jobTitle ?? '') : '',
    ...(shown.skills ? user.skills : []),
    ...(shown.interests ? user.interests : []),
  ]
    .join(' ')
    .trim();
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly db: DataSource,
    private readonly events: DomainEvents,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.trim().toLowerCase() } });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** Batched per request: every `author`, `user` or `sender` field goes through here. */
  load(loaders: RequestLoaders, id: string): Promise<UserEntity | null> {
    return this.loader(loaders).load(id);
  }

  /** Hands the request's loader a row read elsewhere (in a joined statement), so loading it costs nothing. */
  prime(loaders: RequestLoaders, row: UserEntity): void {
    this.loader(loaders).prime(row.id, row);
  }

  private loader(loaders: RequestLoaders) {
    return loaders.get<string, UserEntity | null>('users.byId', async (ids) =>
      byKey(ids, await this.users.findBy({ id: In([...ids]) }), (u) => u.id),
    );
  }

  async updateProfile(userId: string, input: UpdateProfileInput): Promise<UserEntity> {
    const user = await this.getById(userId);
    if (input.displayName !== undefined) user.displayName = input.displayName.trim();
    if (input.jobTitle !== undefined) user.jobTitle = input.jobTitle?.trim() || null;
    if (input.bio !== undefined) user.bio = input.bio?.trim() || null;
    if (input.skills !== undefined) user.skills = unique(input.skills ?? []);
    if (input.interests !== undefined) user.interests = unique(input.interests ?? []);
    if (input.avatarUrl !== undefined) user.avatarUrl = input.avatarUrl || null;
    if (input.phone !== undefined) user.phone = input.phone?.trim() || null;
    if (input.profileVisibility) {
      const changes = Object.fromEntries(
        Object.entries(input.profileVisibility).filter(([, v]) => typeof v === 'boolean'),
      );
      user.profileVisibility = { ...consentOf(user.profileVisibility), ...changes };
    }
    user.directoryText = directoryText(user);
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(UserEntity).save(user);
      await this.events.publish(manager, { type: 'profile.updated', userId: user.id });
      return saved;
    });
  }

  /** The directory: active people who consent to be listed, alphabetical, filtered by words, skill and organisation subtree. */
  async people(args: PeopleArgs): Promise<Connection<UserEntity>> {
    // Only people who consent to be listed (the viewer's own profile is in /parametres).
    const where = ['u.deactivated_at IS NULL', sharesFieldSql('u', 'listed')];
    const params: unknown[] = [];
    addWordFilters(where, params, args.search, 'u.directory_text');
    if (args.skill?.trim()) {
      params.push(args.skill.trim());
      // A skill the person does not share is not a way to find them either.
      where.push(
        `${sharesFieldSql('u', 'skills')} AND EXISTS (SELECT 1 FROM unnest(u.skills) s WHERE maillage_fold(s) = maillage_fold($${params.length}))`,
      );
    }
    if (args.organizationId) {
      params.push(args.organizationId);
      where.push(`EXISTS (SELECT 1 FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id
                           WHERE m.user_id = u.id AND (o.id = $${params.length} OR $${params.length} = ANY(o.ancestor_ids)))`);
    }
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT u.id FROM users u',
      where,
      params,
      orderBy: [
        { expr: 'maillage_fold(u.display_name)', type: 'text' },
        { expr: 'u.id', type: 'uuid' },
      ],
      direction: 'ASC',
      first: args.first,
      after: args.after,
    });
    return hydrate(page, this.users);
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()))];
}
