import type { NextFunction, Request, Response } from 'express';
import { sendHttpError } from '../errors/http-error';

/**
 * JSON bodies are UTF-8 (RFC 8259): another declared charset is refused with 415 before the parser
 * decodes anything with it (a UTF-16 "decoding" of UTF-8 bytes only makes noise).
 */
export function refuseOtherCharsets(req: Request, res: Response, next: NextFunction): void {
  const type = req.headers['content-type'] ?? '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (/json/i.test(type) && charset && charset !== 'utf-8' && charset !== 'utf8') {
    sendHttpError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'JSON bodies must be UTF-8');
    return;
  }
  next();
}

/**
 * The body parser's refusals, answered with fixed messages: its own would quote the decoded body
 * back ("Unexpected token … in JSON"). Registered right after the parser, before any route.
 */
export function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') {
    next(err);
    return;
  }
  if (type === 'entity.too.large') sendHttpError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
  else if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    sendHttpError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
  else sendHttpError(res, 400, 'BAD_REQUEST', 'The request body could not be read as JSON');
}
