import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { ServerResponse } from 'node:http';
import { createLogger } from '../logging/logger';
import { AppError, ErrorCode } from './app-error';
import { HTTP_STATUS, sendHttpError, UnsupportedMediaTypeError } from './http-error';

const logger = createLogger('HttpErrors');

/** Nest's own HTTP exceptions (an unknown route, say), by status. */
function codeOfStatus(status: number): ErrorCode {
  const known = (Object.entries(HTTP_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  return known?.[0] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
}

/**
 * In GraphQL, errors go back to Apollo untouched so `formatGraphQLError` alone decides what
 * clients see and what is logged. HTTP routes answer `{ error: { code, message, … } }` with the
 * status of the code (401 for UNAUTHENTICATED, 429 with Retry-After…), and nothing internal.
 */
@Catch()
export class GraphQLPassthroughFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<ServerResponse>();
    if (exception instanceof AppError) {
      sendHttpError(res, HTTP_STATUS[exception.code], exception.code, exception.message, {
        reason: exception.reason,
        ...exception.details,
      });
    } else if (exception instanceof UnsupportedMediaTypeError) {
      sendHttpError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', exception.message);
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      sendHttpError(res, status, codeOfStatus(status), exception.message);
    } else {
      logger.error({ err: exception }, 'unexpected error in an HTTP route');
      sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    return undefined;
  }
}
