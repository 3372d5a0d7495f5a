import { ApiError, type AppErrorInfo } from '../lib/errors/app-error-info';
import { session } from '../lib/session/session';

/** What `POST /files` answers. */
export interface UploadedFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}

export interface UploadHandle {
  done: Promise<UploadedFile>;
  abort(): void;
}

function errorOf(xhr: XMLHttpRequest): AppErrorInfo {
  if (xhr.status === 0) return { code: 'NETWORK' };
  try {
    const body = JSON.parse(xhr.responseText) as { error?: AppErrorInfo };
    if (body.error?.code) return body.error;
  } catch {
    // Not our JSON (a proxy's page): fall back on the status.
  }
  if (xhr.status === 413) return { code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' };
  if (xhr.status === 415) return { code: 'BAD_USER_INPUT', reason: 'FILE_TYPE_REFUSED' };
  return { code: xhr.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR' };
}

function send(file: File, onProgress: (fraction: number) => void, started: (xhr: XMLHttpRequest) => void) {
  return new Promise<UploadedFile>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/files');
    if (session.accessToken) xhr.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as UploadedFile);
      else reject(new ApiError(errorOf(xhr)));
    };
    xhr.onerror = () => reject(new ApiError({ code: 'NETWORK' }));
    xhr.onabort = () => reject(new ApiError({ code: 'ABORTED' }));
    const form = new FormData();
    form.append('file', file, file.name);
    started(xhr);
    xhr.send(form);
  });
}

/**
 * Sends one file with XMLHttpRequest (fetch reports no upload progress), with the access token
 * the GraphQL client uses. An expired token is refreshed once and the file sent again.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  let current: XMLHttpRequest | undefined;
  let aborted = false;
  const track = (xhr: XMLHttpRequest) => (current = xhr);
  const done = send(file, onProgress, track).catch(async (error: unknown) => {
    if (!aborted && error instanceof ApiError && error.info.code === 'UNAUTHENTICATED' && (await session.refresh()))
      return send(file, onProgress, track);
    throw error;
  });
  return {
    done,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}
