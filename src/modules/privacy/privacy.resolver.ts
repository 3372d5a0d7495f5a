import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import GraphQLJSON from 'graphql-type-json';
import { Authenticated } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { PrivacyService } from './privacy.service';

@ArgsType()
class ChangePasswordArgs {
  @Field({ description: 'The password used today.' }) @IsString() @MaxLength(256) currentPassword!: string;
  @Field({ description: 'The new password: 12 to 256 characters.' })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}

@ArgsType()
class PasswordArgs {
  @Field({ description: 'The viewer’s current password, to confirm.' }) @IsString() @MaxLength(256) password!: string;
}

@ArgsType()
class UserIdArgs {
  @Field(() => ID, { description: 'The person.' }) @IsUUID() userId!: string;
}

@Authenticated()
@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @RateLimit('changePassword')
  @Mutation(() => Boolean, { description: 'Needs the current password. Ends every other session of the viewer.' })
  async changePassword(@CurrentViewer() viewer: Viewer, @Args() args: ChangePasswordArgs): Promise<boolean> {
    await this.privacy.changePassword(viewer.id, viewer.sessionId, args.currentPassword, args.newPassword);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'For people who administer every organisation the person belongs to (or one above each). Never the last active admin of the federation (CONFLICT). Their sessions and sockets end on every instance.',
  })
  async deactivateUser(@CurrentViewer() viewer: Viewer, @Args() { userId }: UserIdArgs): Promise<boolean> {
    await this.privacy.deactivateUser(viewer.id, userId);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Lets a deactivated person log in again. For the same people as `deactivateUser`.',
  })
  async reactivateUser(@CurrentViewer() viewer: Viewer, @Args() { userId }: UserIdArgs): Promise<boolean> {
    await this.privacy.reactivateUser(viewer.id, userId);
    return true;
  }

  @Query(() => GraphQLJSON, {
    description: 'Everything the service holds about the viewer (RGPD access and portability).',
  })
  exportMyData(@CurrentViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    return this.privacy.exportMyData(viewer.id);
  }

  @RateLimit('deleteMyAccount')
  @Mutation(() => Boolean, {
    description:
      'Erases the viewer’s personal data. Public contributions remain, signed "Ancien membre". See the README for messages.',
  })
  async deleteMyAccount(@CurrentViewer() viewer: Viewer, @Args() { password }: PasswordArgs): Promise<boolean> {
    await this.privacy.deleteMyAccount(viewer.id, password);
    return true;
  }
}
