import { ArgsType, Args, Context, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import GraphQLJSON from 'graphql-type-json';
import { Authenticated, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, ConnectionType, mapConnection } from '../../common/pagination/connection';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AUDIT_ACTIONS, AuditAction, AuditRow, AuditService } from './audit.service';

@ObjectType('AuditEntry', {
  description: 'An administrative action: invitations, roles, removals, deactivations, moderation, visibility changes.',
})
export class AuditEntryModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'e.g. member.role_changed, post.deleted_by_moderator.' }) action!: string;
  @Field({ description: 'What was acted on: invitation, membership, user, post, comment or group.' })
  targetType!: string;
  @Field(() => ID, { nullable: true, description: 'Its id (for a membership: the person’s id).' })
  targetId!: string | null;
  @Field(() => GraphQLJSON, { description: 'What changed, by action, e.g. `{ "from": "MEMBER", "to": "ADMIN" }`.' })
  details!: Record<string, unknown>;
  @Field({ description: 'When it was done.' }) createdAt!: Date;
  organizationId!: string;
  actorId!: string | null;
}

const AuditConnection = ConnectionType(AuditEntryModel, 'AuditEntry');

@ArgsType()
class AuditLogArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The organisation; its descendants’ entries are included.' })
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Only entries of this action, e.g. member.role_changed.' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @Field(() => ID, { nullable: true, description: 'Only entries this person did or was the target of.' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

const toEntry = (row: AuditRow): AuditEntryModel => ({
  id: row.id,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  details: row.details,
  createdAt: row.created_at,
  organizationId: row.organization_id,
  actorId: row.actor_id,
});

@Authenticated()
@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => AuditConnection, {
    description:
      'Administrative actions in this organisation and below, newest first. For its admins and those of its ancestors.',
  })
  async auditLog(@CurrentViewer() viewer: Viewer, @Args() args: AuditLogArgs) {
    return mapConnection(
      await this.audit.list(viewer.id, args.organizationId, args.first, args.after, {
        action: args.action,
        personId: args.personId,
      }),
      toEntry,
    );
  }

  @PublicField()
  @ResolveField(() => UserModel, { nullable: true, description: 'Who did it; null once they erased their account.' })
  async actor(@Parent() entry: AuditEntryModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = entry.actorId ? await this.users.load(ctx.loaders, entry.actorId) : null;
    return user && toUserModel(user);
  }

  @PublicField()
  @ResolveField(() => OrganizationModel, { description: 'The organisation where it happened.' })
  async organization(@Parent() entry: AuditEntryModel, @Context() ctx: RequestContext): Promise<OrganizationModel> {
    return toOrganizationModel((await this.organizations.load(ctx.loaders, entry.organizationId))!);
  }
}
