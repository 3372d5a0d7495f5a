import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package, when the machine has it. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless browser that talks to nothing but the app under test. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `@sparticuz/chromium`'s flags made for AWS Lambda that do not belong here: two loosen the web's
 * security model (the app's CSP, cookies and origin checks must be tested as a browser enforces
 * them), and a single-process browser ends when its first context closes (a spec opens many).
 */
const LAMBDA_ONLY_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

export interface BrowserExecutable {
  source: 'system' | 'npm';
  executablePath: string;
  args: string[];
}

/**
 * Which Chromium the browser specs drive: /usr/bin/chromium when present, else the binary shipped
 * inside the npm package @sparticuz/chromium (unpacked to the temporary directory on first use).
 * Never a download. `MAILLAGE_BROWSER=npm` forces the npm one.
 */
export async function browserExecutable(): Promise<BrowserExecutable> {
  if (process.env.MAILLAGE_BROWSER !== 'npm' && existsSync(SYSTEM_CHROMIUM))
    return { source: 'system', executablePath: SYSTEM_CHROMIUM, args: FLAGS };
  // Loaded only on this path: it is a large package that the system browser makes unnecessary.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const packaged = require('@sparticuz/chromium') as {
    executablePath(): Promise<string>;
    args: string[];
    setGraphicsMode: boolean;
  };
  packaged.setGraphicsMode = false;
  const executablePath = await packaged.executablePath();
  const args = [...new Set([...packaged.args.filter((flag) => !LAMBDA_ONLY_FLAGS.has(flag)), ...FLAGS.slice(1)])];
  return { source: 'npm', executablePath, args };
}

/** One headless Chromium (a fresh profile each launch); a spec file shares it, each test opening its own context. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await browserExecutable();
  return chromium.launch({ executablePath, args, headless: true, timeout: 60_000 });
}
