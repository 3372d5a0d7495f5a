import { request } from 'node:http';
import sharp from 'sharp';
import { TestApp } from './test-app';

export interface UploadResult {
  status: number;
  body: {
    id?: string;
    name?: string;
    mimeType?: string;
    size?: number;
    url?: string;
    thumbnailUrl?: string | null;
    error?: { code: string; reason?: string };
  };
}

/** `POST /files` as a client would: multipart, field `file`, bearer token. */
export async function upload(
  app: { url: string },
  token: string | undefined,
  name: string,
  bytes: Buffer,
  type = 'application/octet-stream',
): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const res = await fetch(`${app.url}/files`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as UploadResult['body'] };
}

/** Uploads and returns the file's id, failing loudly when refused. */
export async function uploadOk(app: TestApp, token: string, name: string, bytes: Buffer): Promise<string> {
  const answer = await upload(app, token, name, bytes);
  if (answer.status !== 201 || !answer.body.id) throw new Error(`upload ${name}: ${JSON.stringify(answer)}`);
  return answer.body.id;
}

/** GET of a link (absolute or relative to the app). */
export async function download(app: { url: string }, url: string) {
  const res = await fetch(new URL(url, app.url));
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A Linux executable's first bytes, whatever it is called. */
export const EXECUTABLE = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2000, 0x90)]);

/** A JPEG photo carrying EXIF with a GPS position (Paris) and a camera model. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Maillage', Model: 'Appareil de test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
    })
    .toBuffer();
}

/**
 * Starts an upload and cuts the connection once `sentBytes` of the body are out: what a phone
 * losing its network does. Resolves once the socket is closed.
 */
export function cutUpload(app: { url: string }, token: string, sentBytes: number): Promise<void> {
  const boundary = '----maillage-cut';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="coupé.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve) => {
    const req = request({
      hostname,
      port,
      method: 'POST',
      path: '/files',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 10 * 1024 * 1024),
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(head);
    req.write(Buffer.alloc(sentBytes, 0x41), () => setTimeout(() => req.destroy(), 200));
  });
}
