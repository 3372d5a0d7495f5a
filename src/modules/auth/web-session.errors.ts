import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../../common/errors/app-error';

/** A body that is not JSON: refused before anything else (415). */
export class UnsupportedMediaTypeError extends Error {
  constructor() {
    super('Send a JSON body (content-type: application/json)');
  }
}

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * /auth/* errors as `{ error: { code, message, fields?, retryAfter?, reason? } }`, with the codes
 * GraphQL uses and the matching HTTP status. Anything unexpected is a 500 with a fixed message.
 */
@Catch()
export class WebSessionErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { log?: { error(obj: object, msg: string): void } }>();
    res.setHeader('cache-control', 'no-store');
    if (exception instanceof AppError) {
      if (exception.details.retryAfter !== undefined)
        res.setHeader('retry-after', String(exception.details.retryAfter));
      res
        .status(STATUS[exception.code])
        .json({ error: { code: exception.code, message: exception.message, ...exception.details } });
      return;
    }
    if (exception instanceof UnsupportedMediaTypeError) {
      res.status(415).json({ error: { code: 'BAD_REQUEST', message: exception.message } });
      return;
    }
    // Nest's own refusals (a body the JSON parser rejected reaches here as a 400 HttpException).
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      res.status(exception.getStatus()).json({ error: { code: 'BAD_REQUEST', message: 'Malformed request' } });
      return;
    }
    req.log?.error({ err: exception }, 'unexpected error in /auth');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  }
}
