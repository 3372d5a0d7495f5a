import { ApiError } from '../lib/errors/app-error-info';
import { session } from '../lib/session/session';

function requestExport(): Promise<Response> {
  const token = session.accessToken;
  return fetch('/me/export.json', {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

/** The server's error body (`{ error: { code, reason? } }`) as the error the interface shows. */
async function toApiError(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => undefined)) as { error?: Record<string, unknown> } | undefined;
  const code = payload?.error?.code;
  const reason = payload?.error?.reason;
  return new ApiError({
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    reason: typeof reason === 'string' ? reason : undefined,
  });
}

/**
 * Saves everything Maillage holds about the person as a JSON file (`GET /me/export.json`, with the
 * session's access token: a plain link could not carry it). The file keeps the server's name.
 */
export async function downloadMyData(): Promise<void> {
  if (session.isExpiring()) await session.refresh();
  let response = await requestExport();
  if (response.status === 401 && (await session.refresh())) response = await requestExport();
  if (!response.ok) throw await toApiError(response);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'maillage-mes-donnees.json';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start saving; then the copy in memory goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
