import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { Logger } from 'pino';

/**
 * One pino root logger for the process. Per-request children (carrying the request id)
 * live in AsyncLocalStorage, so a class logger picks the request id up without plumbing.
 */
const REDACT = [
  'password',
  '*.password',
  '*.*.password',
  'newPassword',
  'currentPassword',
  'token',
  '*.token',
  'accessToken',
  'refreshToken',
  '*.accessToken',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'body',
  '*.body',
];

let root: Logger = pino({ level: 'info', redact: { paths: REDACT, censor: '[redacted]' } });
const requestScope = new AsyncLocalStorage<Logger>();

export function configureRootLogger(level: string): Logger {
  root = pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
  return root;
}

export function rootLogger(): Logger {
  return root;
}

/** Runs `fn` with `logger` as the ambient request logger. */
export function runWithRequestLogger<T>(logger: Logger, fn: () => T): T {
  return requestScope.run(logger, fn);
}

/** A logger named after its owner (a class or a module); each call binds to the current request when there is one. */
export function createLogger(context: string): Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'fatal'> {
  const current = () => (requestScope.getStore() ?? root).child({ context });
  return {
    info: (...args: Parameters<Logger['info']>) => current().info(...args),
    warn: (...args: Parameters<Logger['warn']>) => current().warn(...args),
    error: (...args: Parameters<Logger['error']>) => current().error(...args),
    debug: (...args: Parameters<Logger['debug']>) => current().debug(...args),
    fatal: (...args: Parameters<Logger['fatal']>) => current().fatal(...args),
  } as Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'fatal'>;
}

export type AppLogger = ReturnType<typeof createLogger>;
