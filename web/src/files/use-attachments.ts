import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/errors/app-error-info';
import { uploadFile, type UploadedFile, type UploadHandle } from './upload';

/** At most this many files on one post (the server's limit too). */
export const MAX_ATTACHMENTS = 10;

export interface Attachment {
  key: string;
  name: string;
  size: number;
  /** 0 to 1 while it travels. */
  progress: number;
  status: 'uploading' | 'done' | 'error';
  uploaded?: UploadedFile;
  error?: unknown;
}

let counter = 0;

/** The names the server may accept; it judges the content anyway, this only spares a useless upload. */
const ACCEPTED = /\.(pdf|jpe?g|png|webp|gif|docx|xlsx|pptx|odt|ods|odp|txt|csv)$/i;
const MAX_BYTES = 25 * 1024 * 1024;

/** Why a file is refused before it is sent, as the server would say it; undefined when it may go. */
function refusal(file: File): ApiError | undefined {
  if (!ACCEPTED.test(file.name) || file.type === 'image/svg+xml' || file.type === 'text/html')
    return new ApiError({ code: 'BAD_USER_INPUT', reason: 'FILE_TYPE_REFUSED' });
  if (file.size > MAX_BYTES) return new ApiError({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' });
  return undefined;
}

/**
 * The files being attached to a post: each is sent as soon as it is chosen (so publishing is quick),
 * with its progress; removing one stops its upload. `fileIds` are the uploaded ones, in order.
 */
export function useAttachments() {
  const [items, setItems] = useState<Attachment[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());

  const update = useCallback((key: string, change: Partial<Attachment>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: FileList | File[]) => {
      const chosen = [...files].slice(0, Math.max(0, MAX_ATTACHMENTS - items.length));
      const added = chosen.map((file): Attachment => {
        const key = `attachment-${++counter}`;
        const refused = refusal(file);
        if (refused) return { key, name: file.name, size: file.size, progress: 0, status: 'error', error: refused };
        const handle = uploadFile(file, (progress) => update(key, { progress }));
        handles.current.set(key, handle);
        handle.done.then(
          (uploaded) => update(key, { status: 'done', progress: 1, uploaded }),
          (error: unknown) => update(key, { status: 'error', error }),
        );
        return { key, name: file.name, size: file.size, progress: 0, status: 'uploading' };
      });
      setItems((list) => [...list, ...added]);
    },
    [items.length, update],
  );

  const remove = useCallback((key: string) => {
    handles.current.get(key)?.abort();
    handles.current.delete(key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  const reset = useCallback(() => {
    handles.current.clear();
    setItems([]);
  }, []);

  // Leaving the page stops what is still travelling.
  useEffect(() => {
    const current = handles.current;
    return () => current.forEach((handle) => handle.abort());
  }, []);

  return {
    items,
    add,
    remove,
    reset,
    uploading: items.some((item) => item.status === 'uploading'),
    fileIds: items.filter((item) => item.uploaded).map((item) => item.uploaded!.id),
    full: items.length >= MAX_ATTACHMENTS,
  };
}
