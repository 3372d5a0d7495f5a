import { CombinedError } from '@urql/core';

/** What the interface needs to know about a failure, whichever way it came (GraphQL, /auth, socket, network). */
export interface AppErrorInfo {
  /** `extensions.code` (GraphQL), `error.code` (/auth and socket acknowledgements), or NETWORK when nothing answered. */
  code: string;
  reason?: string;
  fields?: string[];
  retryAfter?: number;
}

/** An /auth/* or socket refusal, in the server's `{ error: { code, reason?, message, fields?, retryAfter? } }` shape. */
export class ApiError extends Error {
  constructor(readonly info: AppErrorInfo) {
    super(info.code);
    this.name = 'ApiError';
  }
}

function fromExtensions(extensions: Record<string, unknown> | undefined): AppErrorInfo | undefined {
  if (!extensions || typeof extensions.code !== 'string') return undefined;
  return {
    code: extensions.code,
    reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
    fields: Array.isArray(extensions.fields)
      ? extensions.fields.filter((f): f is string => typeof f === 'string')
      : undefined,
    retryAfter: typeof extensions.retryAfter === 'number' ? extensions.retryAfter : undefined,
  };
}

/** The first meaningful error of anything thrown or returned; undefined when there is none. */
export function toErrorInfo(error: unknown): AppErrorInfo | undefined {
  if (error === null || error === undefined) return undefined;
  if (error instanceof ApiError) return error.info;
  if (error instanceof CombinedError) {
    if (error.networkError) return { code: 'NETWORK' };
    for (const graphQLError of error.graphQLErrors) {
      const info = fromExtensions(graphQLError.extensions);
      if (info) return info;
    }
    return { code: 'INTERNAL_SERVER_ERROR' };
  }
  // fetch() rejects with a TypeError when nothing answered (offline, server down).
  if (error instanceof TypeError) return { code: 'NETWORK' };
  return { code: 'INTERNAL_SERVER_ERROR' };
}
