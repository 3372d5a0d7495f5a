import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Public, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { AuthPayloadModel } from '../auth/auth-payload.model';
import { AuthResolver, clientInfo } from '../auth/auth.resolver';
import { AcceptInvitationInput, InviteMemberInput } from './dto/organization.inputs';
import { InvitationModel, toInvitationModel } from './invitation.model';
import { InvitationsService } from './invitations.service';
import { OrganizationModel, toOrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => InvitationModel)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly organizations: OrganizationsService,
    private readonly auth: AuthResolver,
  ) {}

  @Authenticated()
  @RateLimit('inviteMember')
  @Mutation(() => InvitationModel, {
    description:
      'Invites someone by email. For admins of the organisation or an ancestor. The token is returned only here.',
  })
  async inviteMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'Who, where, with which role.' }) input: InviteMemberInput,
  ): Promise<InvitationModel> {
    const { invitation, token } = await this.invitations.invite(viewer.id, input);
    return toInvitationModel(invitation, token);
  }

  @Authenticated()
  @RateLimit('resendInvitation')
  @Mutation(() => InvitationModel, {
    description:
      'E-mails a pending invitation again with a new token (the previous link stops working) and a new 14-day validity. The new token is returned only here.',
  })
  async resendInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The invitation to send again.' }, UuidPipe) id: string,
  ): Promise<InvitationModel> {
    const { invitation, token } = await this.invitations.resend(viewer.id, id);
    return toInvitationModel(invitation, token);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Cancels an invitation that was not used yet.' })
  async revokeInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The invitation to revoke.' }, UuidPipe) id: string,
  ): Promise<boolean> {
    await this.invitations.revoke(viewer.id, id);
    return true;
  }

  @Public()
  @RateLimit('acceptInvitation')
  @Mutation(() => AuthPayloadModel, {
    description:
      'Joins with an invitation: creates the account and logs in. When the email already has an account, its current password is required and the membership is added to it.',
  })
  async acceptInvitation(
    @Args('input', { description: 'The token, and a name and password (or the existing password).' })
    input: AcceptInvitationInput,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayloadModel> {
    return this.auth.payload(await this.invitations.accept(input, clientInfo(ctx)), ctx);
  }

  @PublicField()
  @ResolveField(() => OrganizationModel, { description: 'The organisation the invitation is for.' })
  async organization(
    @Parent() invitation: InvitationModel,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationModel> {
    return toOrganizationModel((await this.organizations.load(ctx.loaders, invitation.organizationId))!);
  }
}
