import { ServiceUnavailableError } from './app-error';

/** PostgreSQL is usually back within seconds (a restart, a failover): when to try again. */
export const DATABASE_RETRY_AFTER_S = 2;

// SQLSTATE class 08 (connection exception), admin/crash shutdown, starting up, too many connections.
const SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)/i;

/**
 * Whether `error` says PostgreSQL cannot be reached right now, as node-postgres or TypeORM report
 * it (the error itself, its `cause`, or TypeORM's `driverError`), rather than a bug in a query.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return false;
}

/** The client's answer for an error that is not ours: SERVICE_UNAVAILABLE when the database is away, else none. */
export function unavailableFrom(error: unknown): ServiceUnavailableError | undefined {
  return isDatabaseUnavailable(error)
    ? new ServiceUnavailableError('DATABASE_UNAVAILABLE', DATABASE_RETRY_AFTER_S)
    : undefined;
}
