import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestApp, TestApp } from './test-app';

const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist', 'index.html');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The browser's own report of an HTTP refusal the page expects and shows: /auth/* answering 4xx
 * (no session yet, a wrong password, a used invitation, too many attempts; the endpoints' contract
 * uses HTTP statuses). Anything else logged as an error fails the test.
 */
function isExpectedRefusal(message: ConsoleMessage): boolean {
  if (!/^Failed to load resource: the server responded with a status of 4\d\d\b/.test(message.text())) return false;
  try {
    return new URL(message.location().url).pathname.startsWith('/auth/');
  } catch {
    return false;
  }
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export interface TabOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

export interface WebSpec {
  app: TestApp;
  browser: Browser;
  /** A fresh browser context (no cookies) and page; closed and checked for console errors after the test. */
  open(options?: TabOptions): Promise<Tab>;
}

/**
 * Registers the hooks of a browser spec file: one app (its own database) and one browser for the
 * file, a fresh context per test, and a test fails on any console error or uncaught exception.
 */
export function webSpec(env: Record<string, string> = {}): WebSpec {
  const tabs: Tab[] = [];
  const spec = {
    open: async (options: TabOptions = {}) => {
      const context = await spec.browser.newContext({
        baseURL: spec.app.url,
        viewport: options.viewport ?? { width: 1280, height: 800 },
        colorScheme: options.colorScheme ?? 'light',
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
      });
      const page = await context.newPage();
      const tab: Tab = { page, context, errors: [] };
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedRefusal(message))
          tab.errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => tab.errors.push(`uncaught: ${error.message}`));
      tabs.push(tab);
      return tab;
    },
  } as WebSpec;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` (npm test does it first)');
    [spec.app, spec.browser] = await Promise.all([startTestApp(env), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    await spec.browser?.close();
    await spec.app?.close();
  });

  afterEach(async () => {
    const closing = tabs.splice(0);
    await Promise.all(closing.map((tab) => tab.context.close()));
    const errors = closing.flatMap((tab) => tab.errors);
    if (errors.length) throw new Error(`the page logged errors:\n${errors.join('\n')}`);
  });

  return spec;
}

/** The text of the element that has the keyboard focus. */
export function focusedText(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.activeElement ? document.activeElement.textContent : null');
}

/** The id of the element that has the keyboard focus. */
export function focusedId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.activeElement ? document.activeElement.id : null');
}

/** Logs in through the login form, as a person does, and waits for the logged-in shell. */
export async function loginThroughUi(page: Page, email: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A/AA and best practices) and fails on any serious or critical
 * violation, naming the rule and the elements.
 */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply to it.
  // (Page-side code is written as text: these specs are type-checked without the DOM library.)
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((results) =>
      results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length)
    throw new Error(
      `accessibility violations on ${what}:\n` +
        serious
          .map((v) => `- ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
          .join('\n'),
    );
}
