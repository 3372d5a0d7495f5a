import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { consentOf, ProfileVisibility } from '../../access/profile-policy';
import { UserEntity } from './user.entity';

/**
 * A person. Only id, name and join date are plain fields: every optional profile field is a
 * resolver that applies the person's directory consent (ProfileFieldsResolver).
 */
@ObjectType('User', { description: 'A person in the federation.' })
export class UserModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'The name others see.' }) displayName!: string;
  @Field({ description: 'When the account was created.' }) createdAt!: Date;
  profile!: Pick<UserEntity, 'jobTitle' | 'bio' | 'skills' | 'interests' | 'avatarUrl' | 'phone'>;
  visibility!: ProfileVisibility;
}

@ObjectType('ProfileVisibility', {
  description: 'Which optional fields other members may see. Email and phone are hidden by default.',
})
export class ProfileVisibilityModel implements ProfileVisibility {
  @Field({ description: 'Other members see the e-mail address (default false).' }) email!: boolean;
  @Field({ description: 'Other members see the phone number (default false).' }) phone!: boolean;
  @Field({ description: 'Other members see the job title, and find the person by it (default true).' })
  jobTitle!: boolean;
  @Field({ description: 'Other members see the bio (default true).' }) bio!: boolean;
  @Field({ description: 'Other members see the skills, and find the person by them (default true).' }) skills!: boolean;
  @Field({ description: 'Other members see the interests, and find the person by them (default true).' })
  interests!: boolean;
  @Field({ description: 'Other members see the avatar (default true).' }) avatarUrl!: boolean;
  @Field({
    description:
      'The person appears in the directory (`people`) and in people search (default true). Off, others still reach their profile from what they wrote.',
  })
  listed!: boolean;
}

export const UserConnection = ConnectionType(UserModel, 'User');

/** Entity → what resolvers may show. `email` and `passwordHash` are not copied: they cannot leak by accident. */
export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    displayName: user.displayName,
    createdAt: user.createdAt,
    profile: {
      jobTitle: user.jobTitle,
      bio: user.bio,
      skills: user.skills,
      interests: user.interests,
      avatarUrl: user.avatarUrl,
      phone: user.phone,
    },
    visibility: consentOf(user.profileVisibility),
  };
}
