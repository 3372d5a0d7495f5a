import type { ServerResponse } from 'node:http';
import { ErrorCode, ErrorDetails, Reason } from './app-error';

/** The HTTP status of each error code (for routes other than /graphql). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  GRAPHQL_VALIDATION_FAILED: 400,
  INTERNAL_SERVER_ERROR: 500,
};

/** Codes of requests refused before any route ran (the body could not be read, or is not JSON). */
export type RequestErrorCode = 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';

/** A route that takes JSON only was sent something else: 415 UNSUPPORTED_MEDIA_TYPE. */
export class UnsupportedMediaTypeError extends Error {
  constructor() {
    super('Send a JSON body (content-type: application/json)');
  }
}

/**
 * Sends the one error body of HTTP routes: `{ error: { code, reason?, message, fields?, retryAfter? } }`,
 * with `Retry-After` when there is a wait. Messages are fixed or ours: never a fragment of the request.
 */
export function sendHttpError(
  res: ServerResponse,
  status: number,
  code: ErrorCode | RequestErrorCode,
  message: string,
  details: ErrorDetails & { reason?: Reason } = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (details.retryAfter !== undefined) res.setHeader('retry-after', String(details.retryAfter));
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: { code, message, ...details } }));
}
