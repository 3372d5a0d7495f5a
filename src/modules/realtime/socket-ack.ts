import { AppError } from '../../common/errors/app-error';
import { unavailableFrom } from '../../common/errors/unavailable';
import { SocketAck } from './socket-events';

/** Runs a client event's work: its result, or its refusal, travels in the acknowledgement; the socket stays connected. */
export async function acknowledge<T extends object>(work: () => Promise<T>): Promise<SocketAck<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (err) {
    const known = err instanceof AppError ? err : unavailableFrom(err);
    if (known)
      return { ok: false, error: { code: known.code, reason: known.reason, message: known.message, ...known.details } };
    throw err;
  }
}
