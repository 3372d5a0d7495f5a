import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './user.entity';
import { ProfileFieldsResolver } from './profile-fields.resolver';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { USERS_PERSONAL_DATA } from './users.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersService, UsersResolver, ProfileFieldsResolver],
  exports: [UsersService],
})
export class UsersModule {
  constructor(personalData: PersonalData) {
    personalData.declare(USERS_PERSONAL_DATA);
  }
}
