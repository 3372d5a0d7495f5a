import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from './app-error';
import { Reason } from './reasons';
import { unavailableFrom } from './unavailable';

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

/** Ours, or the database being away (SERVICE_UNAVAILABLE): what a client may be told about. */
function known(original: unknown): AppError | undefined {
  return original instanceof AppError ? original : unavailableFrom(original);
}

/**
 * The one place where errors become what clients see: `extensions.code`, `extensions.reason` (see
 * reasons.ts) and details. Nothing internal (SQL, stack, class names) gets through.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { path: formatted.path, locations: formatted.locations };
  const ours = known(original);
  if (ours) {
    return {
      message: ours.message,
      ...where,
      extensions: { code: ours.code, reason: ours.reason, ...ours.details },
    };
  }
  const code = requestErrorCode(formatted, original);
  if (code) {
    const reason: Reason = code === 'BAD_USER_INPUT' ? 'INVALID_INPUT' : 'INVALID_QUERY';
    return { message: formatted.message, ...where, extensions: { code, reason } };
  }
  const reason: Reason = 'INTERNAL_ERROR';
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', reason } };
}

/** Logs what became INTERNAL_SERVER_ERROR (and, as a warning, an unreachable database), with the request's logger. */
export const logUnexpectedErrors: ApolloServerPlugin<{ req?: { log?: Logger } }> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof AppError || requestErrorCode(error, original)) continue;
          if (unavailableFrom(original)) {
            contextValue.req?.log?.warn({ err: original, path: error.path }, 'the database is unavailable');
            continue;
          }
          contextValue.req?.log?.error({ err: original, path: error.path }, 'unexpected error in a GraphQL operation');
        }
      },
    };
  },
};
