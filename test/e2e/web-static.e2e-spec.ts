import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The web client as the server serves it (UI.md §1 and §4): compressed, cached by content hash,
 * index.html for client routes and never for the API's paths, a CSP of the app's own origin only.
 */

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: plain.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const isAppPage = (answer: Raw) => answer.text.includes('<div id="root"></div>');

describe('web client serving', () => {
  let app: TestApp;
  let index: Raw;
  let scriptPath: string;

  beforeAll(async () => {
    app = await startTestApp();
    index = await get(app.url, '/', { 'accept-encoding': 'gzip, deflate, br' });
    scriptPath = /<script type="module" crossorigin src="([^"]+)"/.exec(index.text)?.[1] ?? '';
  });
  afterAll(() => app?.close());

  it('serves the French application page at /, revalidated on every visit', () => {
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.text).toMatch(/<html lang="fr">/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(scriptPath).toMatch(/^\/assets\/index-[\w-]+\.js$/);
  });

  it('sends a CSP that allows only the app itself: no inline script, Socket.io on the same host', () => {
    const csp = String(index.headers['content-security-policy']);
    const host = new URL(app.url).host;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'", `ws://${host}`]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    // Nothing in the page would need an exception: every script is a file of the app.
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('chooses brotli, gzip or nothing from Accept-Encoding', async () => {
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers.vary).toMatch(/Accept-Encoding/i);
    const gzip = await get(app.url, scriptPath, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const brotli = await get(app.url, scriptPath, { 'accept-encoding': 'br;q=1, gzip;q=0.5' });
    expect(brotli.headers['content-encoding']).toBe('br');
    const plain = await get(app.url, scriptPath);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(gzip.text).toBe(plain.text);
    expect(brotli.text).toBe(plain.text);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const script = await get(app.url, scriptPath, { 'accept-encoding': 'br' });
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await get(app.url, '/assets/index-doesnotexist.js');
    expect(missing.status).toBe(404);
    expect(isAppPage(missing)).toBe(false);
  });

  it('answers every client route (deep links, reloads) with the application page', async () => {
    for (const path of [
      '/connexion',
      '/groupes/7d3c2a1e-0000-4000-8000-000000000000',
      '/recherche?q=b%C3%A9n%C3%A9vole',
      '/une/route/inconnue',
    ]) {
      const answer = await get(app.url, path, { 'accept-encoding': 'br' });
      expect([path, answer.status]).toEqual([path, 200]);
      expect(isAppPage(answer)).toBe(true);
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
    const head = await get(app.url, '/messages', {}, 'HEAD');
    expect(head.status).toBe(200);
  });

  it("never answers the API's paths with the application page", async () => {
    const paths = [
      '/graphql',
      '/graphql?query=%7B__typename%7D',
      '/health/live',
      '/health/ready',
      '/auth/refresh',
      '/auth',
      '/files/7d3c2a1e-0000-4000-8000-000000000000',
      '/calendar/un-jeton.ics',
      '/events/7d3c2a1e-0000-4000-8000-000000000000.ics',
      '/socket.io/?EIO=4&transport=polling',
    ];
    for (const path of paths) {
      // Asked as a browser would (Accept: text/html): still the API's own answer (outside production,
      // GET /graphql is Apollo's sandbox page).
      const answer = await get(app.url, path, { accept: 'text/html' });
      expect([path, isAppPage(answer)]).toEqual([path, false]);
    }
    expect((await get(app.url, '/health/live')).text).toContain('"status":"ok"');
    const post = await new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}/groupes`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(post).toBe(404);
  });
});
