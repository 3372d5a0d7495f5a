import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import { rootLogger } from './logger';

const REQUEST_ID = /^[\w-]{1,64}$/;

/**
 * One line per request: `GET /graphql 200 12 ms`, with the request id (kept from a well-formed
 * `x-request-id`, else made here, and sent back). Only the method, the path and the status are
 * recorded: no header of either side (a response header may carry a cookie), no body.
 */
export function requestLogger() {
  return pinoHttp({
    logger: rootLogger(),
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, responseTime) => requestLine(req, res, responseTime),
    customErrorMessage: (req, res) => requestLine(req, res),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

function requestLine(req: IncomingMessage, res: ServerResponse, responseTime?: number): string {
  const time = responseTime === undefined ? '' : ` ${Math.round(responseTime)} ms`;
  // A router mounted at /graphql rewrites `url` to "/": the path as the client sent it.
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
  return `${req.method} ${url} ${res.statusCode}${time}`;
}
