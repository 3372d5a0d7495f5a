import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { judgeFile } from './file-kind';

/** A minimal zip: each entry stored (or deflated), with its central directory. */
function zip(entries: [string, string, boolean?][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text, deflate] of entries) {
    const raw = Buffer.from(text);
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.${main}"/></Types>`;

describe('judging a file by its bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-kind-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const judge = (bytes: Buffer, name = 'fichier') => {
    const path = join(dir, `${Math.random()}`);
    writeFileSync(path, bytes);
    return judgeFile(path, bytes.length, name);
  };

  it('recognises Office Open XML by its [Content_Types].xml, and refuses macro documents', async () => {
    const docx = zip([
      ['[Content_Types].xml', contentTypes('wordprocessingml.document.main+xml'), true],
      ['word/document.xml', '<w:document/>'],
    ]);
    await expect(judge(docx)).resolves.toEqual({
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      image: false,
    });
    const xlsx = zip([['[Content_Types].xml', contentTypes('spreadsheetml.sheet.main+xml')]]);
    expect((await judge(xlsx))?.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const docm = zip([['[Content_Types].xml', contentTypes('wordprocessingml.document.macroEnabled.main+xml'), true]]);
    await expect(judge(docm, 'rapport.docx')).resolves.toBeNull();
    await expect(judge(zip([['readme.txt', 'bonjour']]), 'archive.docx')).resolves.toBeNull();
  });

  it('recognises OpenDocument by its first entry, mimetype', async () => {
    const odt = zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>', true],
    ]);
    expect((await judge(odt))?.mimeType).toBe('application/vnd.oasis.opendocument.text');
    await expect(judge(zip([['mimetype', 'application/x-evil']]))).resolves.toBeNull();
  });

  it('takes UTF-8 text and CSV, never markup or binary', async () => {
    expect(await judge(Buffer.from('\uFEFFOrdre du jour : élection\n'), 'odj.txt')).toEqual({
      mimeType: 'text/plain',
      image: false,
    });
    expect((await judge(Buffer.from('nom;ville\nÉlodie;Lyon\n'), 'liste.CSV'))?.mimeType).toBe('text/csv');
    await expect(judge(Buffer.from('  <!DOCTYPE html><script>alert(1)</script>'), 'page.txt')).resolves.toBeNull();
    await expect(judge(Buffer.from([0xc3, 0x28, 0x41]), 'latin.txt')).resolves.toBeNull();
    await expect(judge(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'setup.pdf')).resolves.toBeNull();
  });
});
