import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module';
import { AccessAudit } from './common/auth/access-audit';
import { formatGraphQLError, logUnexpectedErrors } from './common/errors/format-error';
import { MAX_TOKENS, queryLimits } from './common/graphql/query-limits';
import { GraphQLPassthroughFilter } from './common/errors/graphql-exception.filter';
import { RequestContext } from './common/graphql/request-context';
import { describeRootTypes } from './common/graphql/root-descriptions';
import { HealthController } from './common/health/health.controller';
import { Lifecycle } from './common/health/lifecycle';
import { RequestLoaders } from './common/loaders/request-loaders';
import { RUNTIME_CONFIG, RuntimeConfig } from './config/runtime-config';
import { dataSourceOptions } from './infra/database/data-source';
import { AuthModule } from './modules/auth/auth.module';
import { BootstrapModule } from './modules/bootstrap/bootstrap.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { UsersModule } from './modules/users/users.module';
import { RealtimeModule } from './infra/realtime/realtime.module';
import { RedisModule } from './infra/redis/redis.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { GroupsModule } from './modules/groups/groups.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PostsModule } from './modules/posts/posts.module';
import { QuestionsModule } from './modules/questions/questions.module';
import { SearchModule } from './modules/search/search.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { AuditModule, AuditQueriesModule } from './modules/audit/audit.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { DomainEventsModule } from './common/events/domain-events';
import { JobsModule } from './infra/jobs/jobs.module';
import { PersonalDataModule } from './common/personal-data/personal-data.module';
import { WebSessionModule } from './modules/auth/web-session.module';
import { MembersModule } from './modules/members/members.module';
import { QuestionRoutingModule } from './modules/question-routing/question-routing.module';
import { FilesModule } from './modules/files/files.module';
import { CommissionsModule } from './modules/commissions/commissions.module';
import { EventsModule } from './modules/events/events.module';
import { EngagementModule } from './modules/engagement/engagement.module';
import { AnnouncementsModule } from './modules/announcements/announcements.module';

@Global()
@Module({})
class RuntimeConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: RuntimeConfigModule,
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }, Lifecycle],
      exports: [RUNTIME_CONFIG, Lifecycle],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    const limits = queryLimits(config.isProduction);
    return {
      module: AppModule,
      imports: [
        RuntimeConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), autoLoadEntities: true }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // The sandbox (Apollo's local landing page) in development; nothing in production.
          graphiql: false,
          introspection: !config.isProduction,
          includeStacktraceInErrorResponses: false,
          hideSchemaDetailsFromClientErrors: config.isProduction,
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
          // Token limit at parse time (GRAPHQL_PARSE_FAILED, 400), before validation does any work.
          parseOptions: { maxTokens: MAX_TOKENS },
          formatError: formatGraphQLError,
          transformSchema: describeRootTypes,
          validationRules: limits.validationRules,
          plugins: [
            logUnexpectedErrors,
            // No HTTP caching of GraphQL answers, and no per-field hook that costs every field.
            ApolloServerPluginCacheControlDisabled(),
            ...limits.plugins,
            ...(config.isProduction ? [] : [ApolloServerPluginLandingPageLocalDefault()]),
          ],
          context: ({ req, res }: Pick<RequestContext, 'req' | 'res'>): RequestContext => ({
            req,
            res,
            loaders: new RequestLoaders(),
          }),
        }),
        DiscoveryModule,
        DomainEventsModule,
        JobsModule,
        PersonalDataModule,
        AccessModule,
        UsersModule,
        AuthModule,
        OrganizationsModule,
        BootstrapModule,
        RealtimeModule,
        RedisModule,
        RateLimitModule,
        NotificationsModule,
        GroupsModule,
        PostsModule,
        QuestionsModule,
        SearchModule,
        MessagingModule,
        AuditModule,
        AuditQueriesModule,
        PrivacyModule,
        WebSessionModule,
        MembersModule,
        QuestionRoutingModule,
        FilesModule,
        CommissionsModule,
        EventsModule,
        AnnouncementsModule,
        EngagementModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: GraphQLPassthroughFilter }, AccessAudit],
    };
  }
}
