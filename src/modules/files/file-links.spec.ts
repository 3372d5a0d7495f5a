import { contentDisposition, signFileToken, verifyFileToken } from './file-links';
import { cleanFileName } from './upload-receiver';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const FILE = '4f1c2a1e-0000-4000-8000-000000000001';
const VIEWER = '4f1c2a1e-0000-4000-8000-000000000002';

describe('download tokens', () => {
  const now = Date.UTC(2026, 11, 3, 10, 20);

  it('name the viewer they were issued to, for that file and variant only, about an hour', () => {
    const token = signFileToken(SECRET, FILE, 'original', VIEWER, now);
    expect(verifyFileToken(SECRET, FILE, 'original', token, now)).toBe(VIEWER);
    expect(verifyFileToken(SECRET, FILE, 'thumbnail', token, now)).toBeNull();
    expect(verifyFileToken(SECRET, VIEWER, 'original', token, now)).toBeNull();
    expect(verifyFileToken('another-secret-of-thirty-two-characters', FILE, 'original', token, now)).toBeNull();
    expect(verifyFileToken(SECRET, FILE, 'original', token, now + 100 * 60_000)).toBe(VIEWER);
    expect(verifyFileToken(SECRET, FILE, 'original', token, now + 121 * 60_000)).toBeNull();
  });

  it('refuse another viewer named in the token, or garbage', () => {
    const [, expires, signature] = signFileToken(SECRET, FILE, 'original', VIEWER, now).split('.');
    expect(verifyFileToken(SECRET, FILE, 'original', `${FILE}.${expires}.${signature}`, now)).toBeNull();
    for (const bad of [undefined, '', 'x', 'a.b.c', `${VIEWER}.notanumber.${signature}`])
      expect(verifyFileToken(SECRET, FILE, 'original', bad, now)).toBeNull();
  });

  it('stay the same within the hour, so the browser cache works', () => {
    expect(signFileToken(SECRET, FILE, 'original', VIEWER, now)).toBe(
      signFileToken(SECRET, FILE, 'original', VIEWER, now + 30 * 60_000),
    );
  });
});

describe('Content-Disposition', () => {
  it('keeps accents in filename* and gives an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Procès-verbal "AG" 2025.pdf')).toBe(
      `attachment; filename="Proces-verbal _AG_ 2025.pdf"; filename*=UTF-8''Proc%C3%A8s-verbal%20%22AG%22%202025.pdf`,
    );
  });
});

describe('stored file names', () => {
  it('lose any path and control characters, and stay under 200 characters with their extension', () => {
    expect(cleanFileName('C:\\Users\\moi\\Été 2025.pdf')).toBe('Été 2025.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('..')).toBe('fichier');
    const long = cleanFileName(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });
});
