/**
 * The error codes clients see (API.md §2). Modules throw these; `formatGraphQLError`
 * turns them into `extensions.code`, and anything else into a bare INTERNAL_SERVER_ERROR.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export interface ErrorDetails {
  /** Input fields at fault, for BAD_USER_INPUT (and the field a CONFLICT is about). */
  fields?: string[];
  /** Seconds until a retry may succeed, for RATE_LIMITED. */
  retryAfter?: number;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

/** Also what unreadable content answers: indistinguishable from absence. */
export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fields?: string[]) {
    super('CONFLICT', message, fields ? { fields } : {});
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many attempts; retry in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds });
  }
}

/** One message per bad field, e.g. `{ password: 'must be at least 12 characters' }`. */
export class BadInputError extends AppError {
  constructor(readonly problems: Record<string, string>) {
    super(
      'BAD_USER_INPUT',
      Object.entries(problems)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; '),
      { fields: Object.keys(problems) },
    );
  }
}
