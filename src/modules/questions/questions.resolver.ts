import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { NotFoundError } from '../../common/errors/app-error';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { GroupModel, toGroupModel } from '../groups/group.model';
import { GroupsService } from '../groups/groups.service';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import {
  AnswerQuestionInput,
  AnswersArgs,
  AskQuestionInput,
  QuestionsArgs,
  VoteAnswerArgs,
} from './dto/question.inputs';
import {
  AnswerConnection,
  AnswerModel,
  QuestionConnection,
  QuestionModel,
  toAnswerModel,
  toQuestionModel,
} from './question.model';
import { QuestionsService } from './questions.service';

@Authenticated()
@Resolver(() => QuestionModel)
export class QuestionsResolver {
  constructor(
    private readonly service: QuestionsService,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => QuestionModel, { nullable: true, description: 'A question; NOT_FOUND when the viewer may not read it.' })
  async question(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The question.' }, UuidPipe) id: string,
  ): Promise<QuestionModel> {
    return toQuestionModel((await this.service.readable(viewer.id, id)).question);
  }

  @Query(() => QuestionConnection, {
    description: 'Questions, newest first: of one group, or of every group the viewer may read.',
  })
  async questions(@CurrentViewer() viewer: Viewer, @Args() args: QuestionsArgs) {
    return mapConnection(await this.service.list(viewer.id, args), toQuestionModel);
  }

  @RateLimit('askQuestion')
  @Mutation(() => QuestionModel, { description: 'Asks a question in a group. Members only.' })
  async askQuestion(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new question.' }) input: AskQuestionInput,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.service.ask(viewer.id, input));
  }

  @RateLimit('answerQuestion')
  @Mutation(() => AnswerModel, { description: 'Answers a question the viewer may read. The asker is notified.' })
  async answerQuestion(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new answer.' }) input: AnswerQuestionInput,
  ): Promise<AnswerModel> {
    return toAnswerModel(await this.service.answer(viewer.id, input.questionId, input.body));
  }

  @Mutation(() => QuestionModel, {
    description:
      "Accepts an answer: the question's author or the group's owners and moderators. The question becomes ANSWERED.",
  })
  async acceptAnswer(
    @CurrentViewer() viewer: Viewer,
    @Args('answerId', { type: () => ID, description: 'The answer to accept.' }, UuidPipe) answerId: string,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.service.accept(viewer.id, answerId));
  }

  @Mutation(() => AnswerModel, {
    description: 'Votes on an answer: 1, -1, or 0 to take the vote back. One vote per person.',
  })
  async voteAnswer(@CurrentViewer() viewer: Viewer, @Args() args: VoteAnswerArgs): Promise<AnswerModel> {
    return toAnswerModel(await this.service.vote(viewer.id, args.answerId, args.value));
  }

  @PublicField()
  @ResolveField(() => GroupModel, { description: 'The group it was asked in.' })
  async group(@Parent() question: QuestionModel, @Context() ctx: RequestContext): Promise<GroupModel> {
    return toGroupModel((await this.groups.load(ctx.loaders, question.groupId))!);
  }

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who asked; "Ancien membre" once they erased their account.',
  })
  async author(@Parent() question: QuestionModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = question.authorId ? await this.users.load(ctx.loaders, question.authorId) : null;
    return user && toUserModel(user);
  }

  @GuardedField()
  @ResolveField(() => AnswerModel, { nullable: true, description: 'The accepted answer; null while OPEN.' })
  async acceptedAnswer(@Parent() question: QuestionModel, @Context() ctx: RequestContext): Promise<AnswerModel | null> {
    if (!(await this.service.loadReadableQuestion(ctx.loaders, ctx.viewer!.id, question.id))) return null;
    const answer = question.acceptedAnswerId
      ? await this.service.loadAnswer(ctx.loaders, question.acceptedAnswerId)
      : null;
    return answer && !answer.deletedAt ? toAnswerModel(answer) : null;
  }

  /** The parent question was access-checked when it was resolved. */
  @GuardedField()
  @ResolveField(() => AnswerConnection, {
    description: 'The accepted answer first, then by votes (default) or newest.',
  })
  async answers(@Parent() question: QuestionModel, @Context() ctx: RequestContext, @Args() args: AnswersArgs) {
    if (!(await this.service.loadReadableQuestion(ctx.loaders, ctx.viewer!.id, question.id)))
      throw new NotFoundError('Question');
    return mapConnection(
      await this.service.listAnswers(question.id, args.orderBy, args.first, args.after),
      toAnswerModel,
    );
  }
}

@Resolver(() => AnswerModel)
export class AnswerResolver {
  constructor(
    private readonly service: QuestionsService,
    private readonly users: UsersService,
  ) {}

  @GuardedField()
  @ResolveField(() => QuestionModel, { description: 'The question it answers (checked readable again).' })
  async question(@Parent() answer: AnswerModel, @Context() ctx: RequestContext): Promise<QuestionModel> {
    const question = await this.service.loadReadableQuestion(ctx.loaders, ctx.viewer!.id, answer.questionId);
    if (!question) throw new NotFoundError('Question');
    return toQuestionModel(question);
  }

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who answered; "Ancien membre" once they erased their account.',
  })
  async author(@Parent() answer: AnswerModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = answer.authorId ? await this.users.load(ctx.loaders, answer.authorId) : null;
    return user && toUserModel(user);
  }

  @PublicField()
  @ResolveField(() => Int, { description: "The viewer's vote: 1, -1, or 0 when none." })
  viewerVote(@Parent() answer: AnswerModel, @Context() ctx: RequestContext): Promise<number> {
    return this.service.viewerVote(ctx.loaders, ctx.viewer!.id, answer.id);
  }

  @GuardedField()
  @ResolveField(() => Boolean, { description: 'It is the accepted answer of its question.' })
  async isAccepted(@Parent() answer: AnswerModel, @Context() ctx: RequestContext): Promise<boolean> {
    const question = await this.service.loadReadableQuestion(ctx.loaders, ctx.viewer!.id, answer.questionId);
    return question?.acceptedAnswerId === answer.id;
  }
}

/** `Group.questions`, declared here so the groups module does not depend on questions. */
@Resolver(() => GroupModel)
export class GroupQuestionsResolver {
  constructor(private readonly service: QuestionsService) {}

  @GuardedField()
  @ResolveField(() => QuestionConnection, { description: 'Newest first. FORBIDDEN to non-members of a private group.' })
  async questions(@Parent() group: GroupModel, @Context() ctx: RequestContext, @Args() args: ConnectionArgs) {
    return mapConnection(
      await this.service.list(ctx.viewer!.id, { groupId: group.id, first: args.first, after: args.after }),
      toQuestionModel,
    );
  }
}
