import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsNotBlank()
  @MaxLength(320)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(256)
  password!: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field()
  @IsNotBlank()
  @MaxLength(200)
  refreshToken!: string;
}
