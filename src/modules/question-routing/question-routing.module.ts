import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { QuestionRoutingEntity } from './question-routing.entity';
import { QUESTION_ROUTING_PERSONAL_DATA } from './question-routing.personal-data';
import {
  QuestionRoutingFieldsResolver,
  QuestionRoutingResolver,
  RoutedQuestionsResolver,
} from './question-routing.resolver';
import { QuestionRoutingService } from './question-routing.service';
import { RoutedQuestionsService } from './routed-questions.service';

/** Questions routed to the people able to answer them, waves and escalation (API.md §12). */
@Module({
  imports: [
    TypeOrmModule.forFeature([QuestionRoutingEntity, QuestionEntity]),
    QuestionsModule,
    NotificationsModule,
    UsersModule,
  ],
  providers: [
    QuestionRoutingService,
    RoutedQuestionsService,
    RoutedQuestionsResolver,
    QuestionRoutingFieldsResolver,
    QuestionRoutingResolver,
  ],
})
export class QuestionRoutingModule {
  constructor(personalData: PersonalData) {
    personalData.declare(QUESTION_ROUTING_PERSONAL_DATA);
  }
}
