import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity } from './question.entity';
import { AnswerResolver, GroupQuestionsResolver, QuestionsResolver } from './questions.resolver';
import { QuestionsService } from './questions.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { QUESTIONS_PERSONAL_DATA } from './questions.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([QuestionEntity, AnswerEntity]), GroupsModule, UsersModule],
  providers: [QuestionsService, QuestionsResolver, AnswerResolver, GroupQuestionsResolver],
  exports: [QuestionsService],
})
export class QuestionsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(QUESTIONS_PERSONAL_DATA);
  }
}
