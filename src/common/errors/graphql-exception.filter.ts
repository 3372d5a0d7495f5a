import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * In GraphQL, errors go back to Apollo untouched so `formatGraphQLError` alone decides what
 * clients see and what is logged. HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphQLPassthroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
