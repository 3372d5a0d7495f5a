import { AppError } from '../../common/errors/app-error';
import { SocketAck } from './socket-events';

/** Runs a client event's work: its result, or its refusal, travels in the acknowledgement; the socket stays connected. */
export async function acknowledge<T extends object>(work: () => Promise<T>): Promise<SocketAck<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, ...err.details } };
    throw err;
  }
}
