import { ApiError } from '../lib/errors/app-error-info';
import { session } from '../lib/session/session';

function request(eventId: string): Promise<Response> {
  const token = session.accessToken;
  return fetch(`/events/${eventId}.ics`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

/**
 * Saves one event as an .ics file for the person's calendar (`GET /events/<id>.ics` with the
 * session's access token, which a plain link could not carry).
 */
export async function downloadEventIcs(eventId: string): Promise<void> {
  if (session.isExpiring()) await session.refresh();
  let response = await request(eventId);
  if (response.status === 401 && (await session.refresh())) response = await request(eventId);
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as { error?: Record<string, unknown> } | undefined;
    const code = payload?.error?.code;
    const reason = payload?.error?.reason;
    throw new ApiError({
      code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
      reason: typeof reason === 'string' ? reason : undefined,
    });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `evenement-${eventId}.ics`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
