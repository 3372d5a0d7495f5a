import { ErrorCode, Reason, REASONS } from './reasons';

export type { ErrorCode, Reason } from './reasons';

export interface ErrorDetails {
  /** Input fields at fault, for BAD_USER_INPUT (and the field a CONFLICT is about). */
  fields?: string[];
  /** Seconds until a retry may succeed, for RATE_LIMITED and SERVICE_UNAVAILABLE. */
  retryAfter?: number;
}

/**
 * An error clients may see: `formatGraphQLError` turns it into `extensions.code` (from its reason's
 * entry in the catalogue), `extensions.reason` and the details; anything else becomes a bare
 * INTERNAL_SERVER_ERROR. The message is English, for developers and logs.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: Reason,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = REASONS[reason].code;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required', reason: Reason = 'AUTHENTICATION_REQUIRED') {
    super(reason, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(reason: Reason, message: string) {
    super(reason, message);
  }
}

/** What each kind of missing thing is called, with its reason. */
const NOT_FOUND = {
  User: 'USER_NOT_FOUND',
  Organization: 'ORGANIZATION_NOT_FOUND',
  Group: 'GROUP_NOT_FOUND',
  Post: 'POST_NOT_FOUND',
  Comment: 'COMMENT_NOT_FOUND',
  Question: 'QUESTION_NOT_FOUND',
  Answer: 'ANSWER_NOT_FOUND',
  Conversation: 'CONVERSATION_NOT_FOUND',
  Message: 'MESSAGE_NOT_FOUND',
  Membership: 'MEMBERSHIP_NOT_FOUND',
  'Join request': 'JOIN_REQUEST_NOT_FOUND',
  Invitation: 'INVITATION_NOT_FOUND',
  Segment: 'SEGMENT_NOT_FOUND',
  'Member import': 'MEMBER_IMPORT_NOT_FOUND',
  Announcement: 'ANNOUNCEMENT_NOT_FOUND',
  Event: 'EVENT_NOT_FOUND',
} as const satisfies Record<string, Reason>;

/** Also what unreadable content answers: indistinguishable from absence. */
export class NotFoundError extends AppError {
  constructor(what: keyof typeof NOT_FOUND) {
    super(NOT_FOUND[what], `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(reason: Reason, message: string, fields?: string[]) {
    super(reason, message, fields ? { fields } : {});
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many attempts; retry in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds });
  }
}

/** One message per bad field, e.g. `{ password: 'must be at least 12 characters' }`. */
export class BadInputError extends AppError {
  constructor(
    readonly problems: Record<string, string>,
    reason: Reason = 'INVALID_INPUT',
  ) {
    super(
      reason,
      Object.entries(problems)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; '),
      { fields: Object.keys(problems) },
    );
  }
}

/** A backing service the request needs is away for a moment: SERVICE_UNAVAILABLE, with when to retry. */
export class ServiceUnavailableError extends AppError {
  constructor(reason: 'DATABASE_UNAVAILABLE' | 'SEARCH_UNAVAILABLE', retryAfterSeconds: number) {
    super(reason, 'A service this request needs is unavailable for a moment; retry shortly', {
      retryAfter: retryAfterSeconds,
    });
  }
}
