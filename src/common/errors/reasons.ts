/**
 * Why a request failed, for clients to translate: every error carries `extensions.code` (the
 * broad class, stable) and `extensions.reason` (the precise cause, from this catalogue). Messages
 * are English and for developers; a client shows its own words for the reason. The README's
 * table of reasons is generated from this file (a spec checks they match).
 */
export const REASONS = {
  AUTHENTICATION_REQUIRED: {
    code: 'UNAUTHENTICATED',
    meaning: 'No access token, or an invalid or expired one: refresh the tokens, or log in.',
  },
  SESSION_ENDED: {
    code: 'UNAUTHENTICATED',
    meaning: 'The session behind the token was ended (logout, password change, deactivation): log in again.',
  },
  INVALID_CREDENTIALS: {
    code: 'UNAUTHENTICATED',
    meaning: 'Wrong e-mail or password (the same answer for both), or a deactivated account.',
  },
  INVALID_REFRESH_TOKEN: {
    code: 'UNAUTHENTICATED',
    meaning: 'The refresh token is unknown, expired, already used or its session ended: log in again.',
  },
  WRONG_PASSWORD: {
    code: 'UNAUTHENTICATED',
    meaning: 'The current password given to confirm the action is wrong.',
  },

  NO_ACCESS_RULE: { code: 'FORBIDDEN', meaning: 'The operation declares no access rule (a server defect).' },
  GROUP_PRIVATE: {
    code: 'FORBIDDEN',
    meaning:
      "The group is private: only its members (and its organisation's admins) see its content and members, or follow it.",
  },
  NOT_GROUP_MEMBER: { code: 'FORBIDDEN', meaning: 'Only members of the group may post or ask in it.' },
  NOT_GROUP_MANAGER: {
    code: 'FORBIDDEN',
    meaning: "Only the group's owners, moderators and organisation admins may do this (requests, members, moderation).",
  },
  NOT_GROUP_OWNER: {
    code: 'FORBIDDEN',
    meaning: "Only the group's owners and organisation admins may do this (roles, settings, removing a moderator).",
  },
  NOT_AUTHOR: { code: 'FORBIDDEN', meaning: 'Only the author may do this (editing).' },
  NOT_AUTHOR_OR_MODERATOR: {
    code: 'FORBIDDEN',
    meaning: "Only the author or the group's moderators may do this (deleting, accepting an answer).",
  },
  NOT_ORGANIZATION_ADMIN: {
    code: 'FORBIDDEN',
    meaning: 'Only an admin of the organisation or of an organisation above it may do this.',
  },
  ORIGIN_REFUSED: {
    code: 'FORBIDDEN',
    meaning: "The session endpoints (/auth/*) answer only the app's own pages (or CORS_ORIGINS).",
  },
  NOT_ACCOUNT_AUTHORITY: {
    code: 'FORBIDDEN',
    meaning:
      'Only an admin of every organisation the person belongs to (or of one above each) may deactivate or reactivate them.',
  },
  NOT_ORGANIZATION_MEMBER: {
    code: 'FORBIDDEN',
    meaning: "Only the organisation's members (and admins above it) may create its groups.",
  },

  USER_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such person (or not one you may act on).' },
  ORGANIZATION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such organisation.' },
  GROUP_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such group.' },
  POST_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such post, or one you may not read.' },
  COMMENT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such comment, or one you may not read.' },
  QUESTION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such question, or one you may not read.' },
  ANSWER_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such answer, or one you may not read.' },
  CONVERSATION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such conversation, or one you do not take part in.' },
  MESSAGE_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such message.' },
  MEMBERSHIP_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'The person is not a member there.' },
  JOIN_REQUEST_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No pending request from that person.' },
  INVITATION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such invitation (or not one you manage).' },
  SEGMENT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such segment (or not one you manage).' },
  MEMBER_IMPORT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such member import (or not one you manage).' },

  INVALID_INPUT: {
    code: 'BAD_USER_INPUT',
    meaning: 'A value is missing, malformed or out of bounds; `extensions.fields` names each one.',
  },
  PASSWORD_TOO_WEAK: {
    code: 'BAD_USER_INPUT',
    meaning: 'The new password is shorter than 12 characters (or longer than 256); `fields` names it.',
  },
  INVITATION_EXPIRED: { code: 'BAD_USER_INPUT', meaning: 'The invitation expired: ask for a new one.' },
  INVITATION_REVOKED: { code: 'BAD_USER_INPUT', meaning: 'The invitation was withdrawn by the organisation.' },
  INVITATION_USED: { code: 'BAD_USER_INPUT', meaning: 'The invitation was already accepted: log in instead.' },
  INVITATION_UNKNOWN: { code: 'BAD_USER_INPUT', meaning: 'No invitation has this token (check the link).' },
  RESET_TOKEN_INVALID: {
    code: 'BAD_USER_INPUT',
    meaning: 'The password reset link is unknown, expired (after one hour) or already used: ask for a new one.',
  },
  CSV_NOT_UTF8: {
    code: 'BAD_USER_INPUT',
    meaning: 'The CSV file is not UTF-8 text (save it as "CSV UTF-8"); nothing was imported.',
  },
  CSV_NO_EMAIL_COLUMN: {
    code: 'BAD_USER_INPUT',
    meaning: 'The CSV file has no `email` column in its first line; nothing was imported.',
  },
  CSV_TOO_MANY_ROWS: {
    code: 'BAD_USER_INPUT',
    meaning: 'The CSV file has more than 10,000 rows (or is over 5 MB): split it; nothing was imported.',
  },
  DUES_PERIOD_OVERLAP: {
    code: 'BAD_USER_INPUT',
    meaning: 'The period overlaps a dues payment already recorded for this member: `fields` names periodStart.',
  },

  LAST_OWNER: { code: 'CONFLICT', meaning: 'A group must keep at least one owner: name another one first.' },
  CLIENT_ID_REUSED: {
    code: 'CONFLICT',
    meaning: 'This clientId was already used by the sender for a message in another conversation: use a new one.',
  },
  LAST_FEDERATION_ADMIN: {
    code: 'CONFLICT',
    meaning: 'The federation must keep at least one active admin: name another one first.',
  },
  ALREADY_MEMBER: { code: 'CONFLICT', meaning: 'The person already belongs to the organisation.' },
  INVITATION_ALREADY_ACCEPTED: {
    code: 'CONFLICT',
    meaning: 'The invitation was accepted: it can no longer be revoked.',
  },
  INVITATION_CLOSED: {
    code: 'CONFLICT',
    meaning: 'The invitation was accepted or revoked: it cannot be sent again (invite the person anew).',
  },
  SEGMENT_BUILT_IN: { code: 'CONFLICT', meaning: 'A built-in segment cannot be deleted.' },

  RATE_LIMITED: { code: 'RATE_LIMITED', meaning: 'Too many attempts: retry after `extensions.retryAfter` seconds.' },

  DATABASE_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    meaning: 'The database cannot be reached for a moment (e.g. it restarts): retry after `retryAfter` seconds.',
  },
  SEARCH_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    meaning: 'Search cannot be reached for a moment: retry after `retryAfter` seconds.',
  },

  INVALID_QUERY: {
    code: 'GRAPHQL_VALIDATION_FAILED',
    meaning:
      'The operation does not parse, does not match the schema, or is too deep, wide or costly (code GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED or BAD_REQUEST).',
  },
  INTERNAL_ERROR: {
    code: 'INTERNAL_SERVER_ERROR',
    meaning: 'An unexpected error: it is logged with the request id (`x-request-id`).',
  },

  FILE_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such file, or one you may not read (HTTP 404 on `/files`).' },
  FILE_NOT_ATTACHABLE: {
    code: 'BAD_USER_INPUT',
    meaning:
      'A file to attach is unknown, not uploaded by you, or already attached to a post; `fields` names `fileIds`.',
  },
  FILE_TOO_LARGE: { code: 'BAD_USER_INPUT', meaning: 'The file is over `MAX_UPLOAD_MB` (HTTP 413 on `POST /files`).' },
  FILE_TYPE_REFUSED: {
    code: 'BAD_USER_INPUT',
    meaning: 'By its content, the file is not a PDF, an image, an office document, text or CSV (HTTP 415).',
  },
  STORAGE_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    meaning: 'File storage cannot be reached for a moment (HTTP 503): retry after `retryAfter` seconds.',
  },
  COMMISSION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such commission.' },
  NOT_COMMISSION_POST: {
    code: 'BAD_USER_INPUT',
    meaning: "The post is not in a commission's working group: only those are proposed and published.",
  },
  ALREADY_PUBLISHED: { code: 'CONFLICT', meaning: "The post was already published to its commission's showcase." },
  EVENT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such event, or one you may not read.' },
  EVENT_ENDS_BEFORE_START: {
    code: 'BAD_USER_INPUT',
    meaning: 'An event must end after it starts; `fields` names `endsAt`.',
  },
  EVENT_CANCELLED: { code: 'BAD_USER_INPUT', meaning: 'The event was cancelled: nobody can answer it any more.' },
  EVENT_PAST: { code: 'BAD_USER_INPUT', meaning: 'The event is over: nobody can answer it any more.' },
  ANNOUNCEMENT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No such announcement, or one you did not receive.' },
  ANNOUNCEMENT_AUDIENCE_EMPTY: {
    code: 'BAD_USER_INPUT',
    meaning: 'The segment chosen for an announcement has nobody in it today; `fields` names `segmentId`.',
  },
  NOT_ORGANIZATION_ADMIN_OR_STAFF: {
    code: 'FORBIDDEN',
    meaning:
      'Only the admins and staff of the organisation or of an organisation above it may do this (engagement figures).',
  },
} as const satisfies Record<string, { code: string; meaning: string }>;

export type Reason = keyof typeof REASONS;

export type ErrorCode = (typeof REASONS)[Reason]['code'];
