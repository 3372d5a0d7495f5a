import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';

const logger = createLogger('GraphQLErrors');

/** Codes Apollo itself assigns to malformed requests; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The one place where errors become what clients see. Nothing internal (SQL, stack, class names) gets through. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { path: formatted.path, locations: formatted.locations };
  if (original instanceof AppError) {
    return { message: original.message, ...where, extensions: { code: original.code, ...original.details } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  // No path: the request itself was refused before any resolver ran (e.g. an unsupported APQ version).
  // (By name: Apollo may load graphql's ESM build, a different class from the one we import.)
  if (!formatted.path && original instanceof Error && original.name === 'GraphQLError') {
    return { message: formatted.message, ...where, extensions: { code: 'BAD_REQUEST' } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
