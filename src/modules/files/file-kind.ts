import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** What an accepted file is, judged by its bytes. Images are re-encoded; the rest is stored as sent. */
export interface FileKind {
  mimeType: string;
  image: boolean;
}

const IMAGE = (mimeType: string): FileKind => ({ mimeType, image: true });
const DOCUMENT = (mimeType: string): FileKind => ({ mimeType, image: false });

const OOXML: [string, string][] = [
  ['wordprocessingml.document.main+xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['spreadsheetml.sheet.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['presentationml.presentation.main+xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];
const ODF = new Set([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

/**
 * The kind of the file at `path` (already complete on disk), or null when it is not one we accept:
 * PDF; JPEG, PNG, WebP, GIF; Office Open XML and OpenDocument text, spreadsheets and slides (macro
 * documents refused); UTF-8 plain text and CSV that is not markup (SVG, HTML and XML are refused:
 * a browser could run their scripts). The name only tells CSV from other text.
 */
export async function judgeFile(path: string, size: number, name: string): Promise<FileKind | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    if (startsWith(head, '%PDF-')) return DOCUMENT('application/pdf');
    if (startsWith(head, [0xff, 0xd8, 0xff])) return IMAGE('image/jpeg');
    if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return IMAGE('image/png');
    if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return IMAGE('image/gif');
    if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return IMAGE('image/webp');
    // Awaited here: the handle closes in `finally`.
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return await judgeZip(handle, head, size);
    return (await isPlainText(path, head)) ? DOCUMENT(/\.csv$/i.test(name) ? 'text/csv' : 'text/plain') : null;
  } finally {
    await handle.close();
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

async function judgeZip(handle: Handle, head: Buffer, size: number): Promise<FileKind | null> {
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type.
  if (startsWith(head, 'mimetype', 30)) {
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    const storedSize = head.readUInt32LE(18);
    const at = 30 + nameLength + extraLength;
    const mimeType = head.subarray(at, at + Math.min(storedSize, 100)).toString('latin1');
    return ODF.has(mimeType) ? DOCUMENT(mimeType) : null;
  }
  // Office Open XML: `[Content_Types].xml` names the main part (and says when macros are inside).
  const entry = await findZipEntry(handle, size, '[Content_Types].xml');
  if (!entry) return null;
  const local = Buffer.alloc(30);
  await handle.read(local, 0, 30, entry.offset);
  if (local.readUInt32LE(0) !== 0x04034b50 || entry.compressedSize > 1024 * 1024) return null;
  const data = Buffer.alloc(entry.compressedSize);
  await handle.read(data, 0, data.length, entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28));
  let xml: string;
  try {
    xml = (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
  } catch {
    return null;
  }
  if (/macroEnabled|vbaProject/i.test(xml)) return null;
  const found = OOXML.find(([marker]) => xml.includes(marker));
  return found ? DOCUMENT(found[1]) : null;
}

/** Reads the zip's central directory (from the end-of-directory record) for one entry. */
async function findZipEntry(
  handle: Handle,
  size: number,
  wanted: string,
): Promise<{ offset: number; compressedSize: number; method: number } | null> {
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directorySize > 16 * 1024 * 1024 || directoryOffset + directorySize > size) return null;
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  let at = 0;
  for (let i = 0; i < count && at + 46 <= directory.length; i++) {
    if (directory.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name === wanted) {
      return {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        offset: directory.readUInt32LE(at + 42),
      };
    }
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return null;
}

/**
 * UTF-8 from start to end (a BOM allowed), with no control characters but tab, line breaks and
 * form feed, and not markup: its first visible character is not `<`.
 */
async function isPlainText(path: string, head: Buffer): Promise<boolean> {
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('<')) return false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const buffer = chunk as Buffer;
      for (const byte of buffer) {
        if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f)
          return false;
      }
      decoder.decode(buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
