import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { servicesRequired } from './services.js';

/** Debian's Chromium; override with PLEDGE_CHROMIUM. */
export const CHROMIUM_PATH = process.env.PLEDGE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run. Missing Chromium skips them with a message, or fails
 * them when PLEDGE_REQUIRE_SERVICES=1 (CI installs chromium itself).
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}`;
  if (servicesRequired) throw new Error(`${message} and PLEDGE_REQUIRE_SERVICES=1`);
  console.warn(`SKIP: ${message}: skipping browser tests (apt-get install chromium)`);
  return false;
}

/** Launches headless Chromium (fresh temporary profile) with the flags this machine needs (closed network, root). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
