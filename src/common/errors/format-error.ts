import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from './app-error';

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

/** A request error (bad query, refused request) that clients may see as it is; undefined for anything else. */
function requestErrorCode(
  formatted: Pick<GraphQLFormattedError, 'path' | 'extensions'>,
  original: unknown,
): string | undefined {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return code;
  // No path: the request itself was refused before any resolver ran (e.g. an unsupported APQ version).
  // (By name: Apollo may load graphql's ESM build, a different class from the one we import.)
  if (!formatted.path && original instanceof Error && original.name === 'GraphQLError') return 'BAD_REQUEST';
  return undefined;
}

/** The one place where errors become what clients see. Nothing internal (SQL, stack, class names) gets through. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { path: formatted.path, locations: formatted.locations };
  if (original instanceof AppError) {
    return { message: original.message, ...where, extensions: { code: original.code, ...original.details } };
  }
  const code = requestErrorCode(formatted, original);
  if (code) return { message: formatted.message, ...where, extensions: { code } };
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs what became INTERNAL_SERVER_ERROR, with the request's logger (its id ties the line to the access log). */
export const logUnexpectedErrors: ApolloServerPlugin<{ req?: { log?: Logger } }> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof AppError || requestErrorCode(error, original)) continue;
          contextValue.req?.log?.error({ err: original, path: error.path }, 'unexpected error in a GraphQL operation');
        }
      },
    };
  },
};
