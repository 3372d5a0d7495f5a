import { LoggerService } from '@nestjs/common';
import { rootLogger } from './logger';

/** Routes NestJS's own messages into pino; its chatty startup lines go to debug. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, context?: string) {
    rootLogger().debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    rootLogger().error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    rootLogger().warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    rootLogger().debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    rootLogger().trace({ context }, String(message));
  }
}
