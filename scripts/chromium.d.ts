import type { Browser } from 'playwright-core';

export interface BrowserExecutable {
  source: 'system' | 'npm';
  executablePath: string;
  args: string[];
}

export function browserExecutable(): Promise<BrowserExecutable>;
export function launchChromium(): Promise<Browser>;
