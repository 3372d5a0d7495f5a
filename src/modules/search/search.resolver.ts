import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { SimilarQuestionsArgs } from '../questions/dto/question.inputs';
import { SearchArgs, SearchResultModel } from './search.model';
import { SearchService } from './search.service';

@Authenticated()
@Resolver()
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @RateLimit('search')
  @Query(() => SearchResultModel, {
    description:
      'Full-text search over questions, answers, posts, groups and people; typo- and accent-tolerant. Never returns what the viewer may not read.',
  })
  search(@CurrentViewer() viewer: Viewer, @Args() args: SearchArgs): Promise<SearchResultModel> {
    return this.service.search(viewer.id, args);
  }

  @RateLimit('search')
  @Query(() => [QuestionModel], {
    description: 'Earlier questions the viewer may read that look like `text`, best first; answered ones preferred.',
  })
  async similarQuestions(
    @CurrentViewer() viewer: Viewer,
    @Args() args: SimilarQuestionsArgs,
  ): Promise<QuestionModel[]> {
    return (await this.service.similarQuestions(viewer.id, args.text, args.first)).map(toQuestionModel);
  }
}
