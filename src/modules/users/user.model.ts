import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { UserEntity } from './user.entity';

@ObjectType('User', { description: 'A person in the federation.' })
export class UserModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'The name others see.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Role in their association, e.g. "Trésorière".' }) jobTitle!:
    string | null;
  @Field(() => String, { nullable: true }) bio!: string | null;
  @Field(() => [String]) skills!: string[];
  @Field(() => [String]) interests!: string[];
  @Field(() => String, { nullable: true }) avatarUrl!: string | null;
  @Field({ description: 'When the account was created.' }) createdAt!: Date;
}

export const UserConnection = ConnectionType(UserModel, 'User');

/** Entity → what clients may see. `email` and `passwordHash` are not copied: they cannot leak by accident. */
export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    bio: user.bio,
    skills: user.skills,
    interests: user.interests,
    avatarUrl: user.avatarUrl,
    createdAt: user.createdAt,
  };
}
