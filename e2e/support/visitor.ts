import { join } from 'node:path';
import type { MailSink } from '@pledge/testing/sinks';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axe } from './browser-page.js';
import { codeFrom, fitsPhone } from './journey.js';

/** axe in light and dark, a screenshot of each into `dir` (when `shot` is given), then the 390 px check. */
export async function checkPage(page: Page, name: string, dir: string, shot?: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect([name, scheme, await axe(page)]).toEqual([name, scheme, []]);
    if (shot) {
      await page.screenshot({
        path: join(dir, `${shot}${scheme === 'dark' ? '-dark' : ''}.png`),
        fullPage: true,
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect([name, await fitsPhone(page)]).toEqual([name, true]);
}

/**
 * Confirms a request on its verification page with the code mailed to `email` (the first mail
 * to it from index `after` of the sink on), and waits for the status page. Returns the request id.
 */
export async function confirmWithCode(
  page: Page,
  sink: MailSink,
  email: string,
  after: number,
): Promise<string> {
  await page.waitForURL(/\/verify/);
  await page.fill('#vf-code', await codeFrom(sink, email, after));
  await page.click('main button[type=submit]');
  await page.waitForURL(/\/privacy\/requests\/[0-9a-f-]+\?lang=en$/);
  return /requests\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
}

/** Reloads the status page until its state reads `state` (a minute at most). */
export async function reloadUntilState(page: Page, state: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await page.textContent('dl.status .badge'))?.trim();
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe(state);
}
