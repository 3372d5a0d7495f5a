import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { OrganizationModel } from '../organizations/organization.model';
import { UserModel } from '../users/user.model';

const SUPPRESSED = ' Null when it covers fewer than 5 people (k-anonymity, k = 5): see AssociationEngagement.';

/** The time-to-first-answer figures, shared by an organisation and each association below it. */
const QUESTION_FIGURES = {
  answeredWithin48hRate:
    'Share (0 to 1) of the questions asked in the window whose first answer (by someone other than the asker) came within 48 hours. Every question asked in the window counts in the denominator, including unanswered ones and those asked less than 48 hours ago. Null when no question was asked.',
  medianHoursToFirstAnswer:
    'Median hours from a question to its first answer by someone else, over the questions asked in the window. An unanswered question counts as +infinity (it is never dropped): the median is null when half or more of them are unanswered, or when none was asked. Discrete median (the middle value, the lower one for an even count).',
  p80HoursToFirstAnswer:
    'The 80th percentile of the same hours (unanswered questions count as +infinity): null when more than 20 % of them are unanswered, or when none was asked.',
};

@ObjectType('ContributorScore', {
  description:
    'One person and their score over the window: accepted answer 5 (instead of 3), other answer 3, post 2, comment 1, event attended 1.',
})
export class ContributorScoreModel {
  @Field(() => UserModel, { description: 'The person.' }) user?: UserModel;
  @Field(() => Int, { description: 'Their score over the window.' }) score!: number;
  @Field(() => Int, { description: 'Posts written in the window (2 points each).' }) posts!: number;
  @Field(() => Int, { description: 'Comments written in the window (1 point each).' }) comments!: number;
  @Field(() => Int, { description: 'Answers written in the window, accepted or not.' }) answers!: number;
  @Field(() => Int, { description: 'Of those, answers accepted (5 points each; other answers 3).' })
  acceptedAnswers!: number;
  @Field(() => Int, { description: 'Events attended in the window (1 point each).' }) eventsAttended!: number;
  userId!: string;
}

@ObjectType('AssociationEngagement', {
  description: `The figures of one association below the organisation, about its own members. k-anonymity (k = 5): every figure is null when the association has fewer than 5 members; a count of people is null when between 1 and 4; the question figures are null when between 1 and 4 people asked the questions.`,
})
export class AssociationEngagementModel {
  @Field(() => OrganizationModel, { description: 'The association.' }) organization!: OrganizationModel;
  @Field(() => Int, { nullable: true, description: `Members who posted, commented, asked or answered.${SUPPRESSED}` })
  contributors!: number | null;
  @Field(() => Int, { nullable: true, description: `Members who used Maillage (a session in use).${SUPPRESSED}` })
  activeReaders!: number | null;
  @Field(() => Int, { nullable: true, description: `Members who joined in the window.${SUPPRESSED}` })
  newMembers!: number | null;
  @Field(() => Int, { nullable: true, description: `Questions its members asked.${SUPPRESSED}` })
  questionsAsked!: number | null;
  @Field(() => Float, { nullable: true, description: QUESTION_FIGURES.answeredWithin48hRate + SUPPRESSED })
  answeredWithin48hRate!: number | null;
  @Field(() => Float, { nullable: true, description: QUESTION_FIGURES.medianHoursToFirstAnswer + SUPPRESSED })
  medianHoursToFirstAnswer!: number | null;
  @Field(() => Float, { nullable: true, description: QUESTION_FIGURES.p80HoursToFirstAnswer + SUPPRESSED })
  p80HoursToFirstAnswer!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: `Share of its members' announcement deliveries in the window that were read.${SUPPRESSED}`,
  })
  announcementReach!: number | null;
}

@ObjectType('Engagement', {
  description:
    'How the people of an organisation (it and every organisation below it) take part, over the last `days`: their activity anywhere in the network. Computed live from the data (no counters).',
})
export class EngagementModel {
  @Field(() => OrganizationModel, { description: 'The organisation.' }) organization!: OrganizationModel;
  @Field(() => Int, { description: 'The window, in days, ending at computedAt.' }) days!: number;
  @Field({ description: 'When the figures were computed: they are live, computed at the request.' })
  computedAt!: Date;
  @Field(() => Int, { description: 'People who belong to the organisation or to one below it.' }) people!: number;
  @Field(() => Int, { description: 'Of them, those who posted, commented, asked or answered in the window.' })
  contributors!: number;
  @Field(() => Int, {
    description: 'Of them, those who used Maillage in the window: a session (login or token refresh) used in it.',
  })
  activeReaders!: number;
  @Field(() => Int, {
    description:
      'People whose first membership in the organisation or below began in the window (joining a second association below is not new).',
  })
  newMembers!: number;
  @Field(() => Int, { description: 'Questions they asked in the window (anywhere), not deleted.' })
  questionsAsked!: number;
  @Field(() => Int, { description: 'Of those questions, the ones without an answer by someone other than the asker.' })
  unansweredQuestions!: number;
  @Field(() => Float, { nullable: true, description: QUESTION_FIGURES.answeredWithin48hRate })
  answeredWithin48hRate!: number | null;
  @Field(() => Float, { nullable: true, description: QUESTION_FIGURES.medianHoursToFirstAnswer })
  medianHoursToFirstAnswer!: number | null;
  @Field(() => Float, { nullable: true, description: QUESTION_FIGURES.p80HoursToFirstAnswer })
  p80HoursToFirstAnswer!: number | null;
  @Field(() => [ContributorScoreModel], {
    description:
      'The top 10 by score (see ContributorScore; ties: more accepted answers first). Admins of the organisation or above see all ten; staff see only their own entry, if they are in the top 10.',
  })
  superMembers!: ContributorScoreModel[];
  @Field(() => [OrganizationModel], {
    description:
      'Associations (it, or those below it) at least 60 days old whose members neither contributed nor used Maillage in the last 60 days, whatever `days` is.',
  })
  dormantAssociations!: OrganizationModel[];
  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the announcement deliveries to these people in the window that were read (read / audience); null when there were none, or when this server has no announcements.',
  })
  announcementReach!: number | null;
  @Field(() => [AssociationEngagementModel], {
    description:
      'Each association strictly below the organisation, by name, with the same figures about its members; small cells are null (k = 5). Empty for an association.',
  })
  byAssociation!: AssociationEngagementModel[];
}
