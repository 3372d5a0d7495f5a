import { Module } from '@nestjs/common';
import { SearchClient } from '../../infra/search/search-client';
import { QuestionsModule } from '../questions/questions.module';
import { SearchEventsSubscriber } from './search-events.subscriber';
import { SearchIndexer } from './search-indexer';
import { SearchReindexer } from './search-reindexer';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [QuestionsModule],
  providers: [SearchClient, SearchIndexer, SearchEventsSubscriber, SearchReindexer, SearchService, SearchResolver],
  exports: [SearchReindexer, SearchIndexer],
})
export class SearchModule {}
