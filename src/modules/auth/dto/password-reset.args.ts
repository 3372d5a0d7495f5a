import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

@ArgsType()
export class RequestPasswordResetArgs {
  @Field({ description: 'The address of the account (case ignored).' })
  @IsNotBlank()
  @MaxLength(320)
  email!: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field({ description: 'The token from the e-mailed link (`/reinitialiser/<token>`).' })
  @IsNotBlank()
  @MaxLength(200)
  token!: string;

  @Field({ description: 'The new password: at least 12 characters.' })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}
