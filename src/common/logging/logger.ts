import pino, { Logger, LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';

/**
 * One pino root logger for the process. Requests log through `req.log` (pino-http: it carries the
 * request id). No AsyncLocalStorage on purpose: on Node 20 it turns on promise hooks for every
 * promise in the process, which cost 5-8% of the CPU of a feed request.
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

export type LogFormat = 'json' | 'pretty';

const options = (level: string): LoggerOptions => ({ level, redact: { paths: REDACT, censor: '[redacted]' } });

let root: Logger = pino(options('info'));

/**
 * `json`: one JSON object per line, for log collectors (production, tests). `pretty`: short
 * readable lines for a person at a terminal (development): time, level, `[context]` and the
 * message (a request's is `GET /path 200 12 ms`), other fields on the same line.
 */
export function configureRootLogger(level: string, format: LogFormat = 'json'): Logger {
  root =
    format === 'pretty'
      ? pino(
          options(level),
          pinoPretty({
            colorize: process.stdout.isTTY === true,
            translateTime: 'SYS:HH:MM:ss.l',
            ignore: 'pid,hostname,context,req,res,responseTime',
            messageFormat: '{if context}[{context}] {end}{msg}',
            singleLine: true,
            sync: true,
          }),
        )
      : pino(options(level));
  return root;
}

export function rootLogger(): Logger {
  return root;
}

/** A logger named after its owner (a class or a module), bound to the root logger of the moment. */
export function createLogger(context: string): Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'fatal'> {
  const current = () => root.child({ context });
  return {
    info: (...args: Parameters<Logger['info']>) => current().info(...args),
    warn: (...args: Parameters<Logger['warn']>) => current().warn(...args),
    error: (...args: Parameters<Logger['error']>) => current().error(...args),
    debug: (...args: Parameters<Logger['debug']>) => current().debug(...args),
    fatal: (...args: Parameters<Logger['fatal']>) => current().fatal(...args),
  } as Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'fatal'>;
}

export type AppLogger = ReturnType<typeof createLogger>;
