import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../users/user.model';

@ObjectType('AuthPayload', { description: 'Tokens of a new or refreshed session.' })
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer …`. Valid 15 minutes.' }) accessToken!: string;
  @Field({ description: 'Trade for new tokens with `refreshToken`. Single use: each refresh returns a new one.' })
  refreshToken!: string;
  @Field(() => UserModel, { description: 'The person logged in.' }) user!: UserModel;
}
