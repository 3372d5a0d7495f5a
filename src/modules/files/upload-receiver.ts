import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Why an upload was refused before anything was kept: the HTTP status and a short English message. */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefusedError';
  }
}

/** The one file of a multipart request, complete, in a temporary file the caller removes. */
export interface ReceivedUpload {
  path: string;
  size: number;
  name: string;
}

/**
 * Streams the `file` part of a multipart/form-data request to a temporary file, never holding it
 * in memory, counting its bytes as they come: past `maxBytes` the rest is read and dropped, the
 * partial file is removed and the upload refused (413). A request cut halfway leaves nothing.
 */
export function receiveUpload(req: IncomingMessage, tempDir: string, maxBytes: number): Promise<ReceivedUpload> {
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, parts: 12 },
      });
    } catch {
      reject(new UploadRefusedError(415, 'Send the file as multipart/form-data, in a field named "file"'));
      return;
    }
    let path: string | undefined;
    let name = '';
    let tooLarge = false;
    let written: Promise<number> | undefined;
    let source: (NodeJS.ReadableStream & { destroy(): void }) | undefined;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      // The file part stops here, so its write ends (with an error) and the partial file can go.
      source?.destroy();
      const partial = path;
      void (written ?? Promise.resolve(0))
        .catch(() => 0)
        .then(() => (partial ? rm(partial, { force: true }) : undefined))
        .finally(() => reject(error));
    };

    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || written) {
        stream.resume();
        return;
      }
      name = info.filename ?? '';
      path = join(tempDir, `${randomUUID()}.upload`);
      source = stream;
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('limit', () => (tooLarge = true));
      written = pipeline(stream, createWriteStream(path, { flags: 'wx' })).then(() => size);
      written.catch((err: Error) => fail(err));
    });
    parser.on('error', (err: Error) =>
      fail(new UploadRefusedError(400, `The multipart body is malformed: ${err.message}`)),
    );
    parser.on('close', () => {
      if (settled) return;
      if (!written || !path) return fail(new UploadRefusedError(400, 'No file: send it in a field named "file"'));
      if (tooLarge) return fail(new UploadRefusedError(413, `The file is larger than ${maxBytes} bytes`));
      const done = path;
      written.then(
        (size) => {
          if (settled) return;
          settled = true;
          resolve({ path: done, size, name });
        },
        (err: Error) => fail(err),
      );
    });
    // A client that goes away mid-upload: whatever arrived is removed.
    req.on('aborted', () => fail(new UploadRefusedError(400, 'The upload was interrupted')));
    req.on('error', (err) => fail(err));
    req.pipe(parser);
  });
}

/** A name safe to store and show: no path, no control characters, NFC, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') return 'fichier';
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}
