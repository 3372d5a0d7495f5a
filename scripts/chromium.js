// Which Chromium the browser specs and `npm run bench:web` drive: Debian's /usr/bin/chromium when
// present, else the binary shipped inside the npm package @sparticuz/chromium (unpacked to the
// temporary directory on first use). Never a download. MAILLAGE_BROWSER=npm forces the npm one.
const { existsSync } = require('node:fs');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** A quiet, reproducible headless browser that talks to nothing but the app under test. */
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

// @sparticuz/chromium's flags made for AWS Lambda that do not belong here: two loosen the web's
// security model (CSP, cookies and origin checks must be tested as a browser enforces them), and a
// single-process browser ends when its first context closes.
const LAMBDA_ONLY_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

async function browserExecutable() {
  if (process.env.MAILLAGE_BROWSER !== 'npm' && existsSync(SYSTEM_CHROMIUM))
    return { source: 'system', executablePath: SYSTEM_CHROMIUM, args: FLAGS };
  // Loaded only on this path: a large package that the system browser makes unnecessary.
  const packaged = require('@sparticuz/chromium');
  packaged.setGraphicsMode = false;
  const executablePath = await packaged.executablePath();
  // Its binary is chrome-headless-shell, started by its own `--headless='shell'` flag.
  const args = [...new Set([...packaged.args.filter((flag) => !LAMBDA_ONLY_FLAGS.has(flag)), ...FLAGS.slice(1)])];
  return { source: 'npm', executablePath, args };
}

/** One headless Chromium with a fresh profile. */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  const { executablePath, args } = await browserExecutable();
  return chromium.launch({ executablePath, args, headless: true, timeout: 60_000 });
}

module.exports = { browserExecutable, launchChromium };
