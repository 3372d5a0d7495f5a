/**
 * The browser of the browser specs: /usr/bin/chromium when present, else the one inside the npm
 * package @sparticuz/chromium (`MAILLAGE_BROWSER=npm` forces it). Shared with `npm run bench:web`.
 */
export { browserExecutable, launchChromium as launchBrowser } from '../../scripts/chromium';
export type { BrowserExecutable } from '../../scripts/chromium';
