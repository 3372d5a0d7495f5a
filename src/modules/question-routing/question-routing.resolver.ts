import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupAccess } from '../../access/group-access.service';
import { isManager } from '../../access/group-policy';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { QuestionConnection, QuestionModel, toQuestionModel } from '../questions/question.model';
import { QuestionsService } from '../questions/questions.service';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { QuestionRoutingModel, toQuestionRoutingModel } from './question-routing.model';
import { RoutedQuestionsService } from './routed-questions.service';

/** The expert's inbox and "pas mon domaine". */
@Authenticated()
@Resolver()
export class RoutedQuestionsResolver {
  constructor(private readonly routed: RoutedQuestionsService) {}

  @Query(() => QuestionConnection, {
    description:
      'Questions pour vous: open questions routed to the viewer, newest routing first, that they may still read, have not declined and have not answered yet. `Question.viewerRouting` says why.',
  })
  async questionsForMe(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return mapConnection(await this.routed.inbox(viewer.id, args.first, args.after), toQuestionModel);
  }

  @Mutation(() => Boolean, {
    description:
      '"Pas mon domaine": takes a question routed to the viewer out of their inbox (it no longer counts as pending for them). NOT_FOUND when it was not routed to them.',
  })
  declineRoutedQuestion(
    @CurrentViewer() viewer: Viewer,
    @Args('questionId', { type: () => ID, description: 'The routed question.' }, UuidPipe) questionId: string,
  ): Promise<boolean> {
    return this.routed.decline(viewer.id, questionId);
  }
}

/** `Question.routing`, `routedCount` and `viewerRouting`, declared here so the questions module does not depend on routing. */
@Resolver(() => QuestionModel)
export class QuestionRoutingFieldsResolver {
  constructor(
    private readonly routed: RoutedQuestionsService,
    private readonly questions: QuestionsService,
    private readonly access: GroupAccess,
  ) {}

  /** "manager", "asker", or null when the viewer may not read the question or is neither. */
  private async viewerRole(question: QuestionModel, ctx: RequestContext): Promise<'manager' | 'asker' | null> {
    const viewerId = ctx.viewer!.id;
    if (!(await this.questions.loadReadableQuestion(ctx.loaders, viewerId, question.id))) return null;
    const standing = await this.access.standing(ctx.loaders, viewerId, question.groupId);
    if (standing && isManager(standing)) return 'manager';
    return question.authorId === viewerId ? 'asker' : null;
  }

  @GuardedField()
  @ResolveField(() => [QuestionRoutingModel], {
    nullable: true,
    description:
      "Who was asked to answer it, when and why (people who can no longer read it are left out). For the group's owners, moderators and organisation admins; null for everyone else.",
  })
  async routing(
    @Parent() question: QuestionModel,
    @Context() ctx: RequestContext,
  ): Promise<QuestionRoutingModel[] | null> {
    if ((await this.viewerRole(question, ctx)) !== 'manager') return null;
    return (await this.routed.routings(ctx.loaders, question.id)).map(toQuestionRoutingModel);
  }

  @GuardedField()
  @ResolveField(() => Int, {
    description:
      'How many people were asked to answer it ("3 personnes compétentes ont été sollicitées"), for its asker and its managers; 0 for everyone else.',
  })
  async routedCount(@Parent() question: QuestionModel, @Context() ctx: RequestContext): Promise<number> {
    if (!(await this.viewerRole(question, ctx))) return 0;
    return (await this.routed.routings(ctx.loaders, question.id)).length;
  }

  @GuardedField()
  @ResolveField(() => QuestionRoutingModel, {
    nullable: true,
    description: 'Why this question was routed to the viewer; null when it was not.',
  })
  async viewerRouting(
    @Parent() question: QuestionModel,
    @Context() ctx: RequestContext,
  ): Promise<QuestionRoutingModel | null> {
    if (!(await this.questions.loadReadableQuestion(ctx.loaders, ctx.viewer!.id, question.id))) return null;
    const routing = await this.routed.viewerRouting(ctx.loaders, ctx.viewer!.id, question.id);
    return routing && toQuestionRoutingModel(routing);
  }
}

@Resolver(() => QuestionRoutingModel)
export class QuestionRoutingResolver {
  constructor(private readonly users: UsersService) {}

  @PublicField()
  @ResolveField(() => UserModel, { description: 'The person asked.' })
  async user(@Parent() routing: QuestionRoutingModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await this.users.load(ctx.loaders, routing.userId))!);
  }
}
