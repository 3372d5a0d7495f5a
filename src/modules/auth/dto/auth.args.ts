import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

@ArgsType()
export class LoginArgs {
  @Field({ description: 'The account’s e-mail address (case ignored).' })
  @IsNotBlank()
  @MaxLength(320)
  email!: string;

  @Field({ description: 'Its password. A wrong e-mail and a wrong password get the same answer.' })
  @IsString()
  @MaxLength(256)
  password!: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field({ description: 'The refresh token of the last AuthPayload (each is single use).' })
  @IsNotBlank()
  @MaxLength(200)
  refreshToken!: string;
}
