import { parseMail } from '@pledge/notify';
import type { MailSink } from '@pledge/testing/sinks';
import type { Page } from 'playwright-core';

const PHONE = { width: 390, height: 844 };

/**
 * Collects what should fail a journey: a console error, a failed request, a request leaving
 * the server, or an error status other than those listed in `expected`.
 */
export function watch(page: Page, base: string, expected: readonly number[] = []): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`third-party request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !expected.includes(r.status())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** The six-digit code of the first mail to `to` among those received from index `after` on. */
export async function codeFrom(sink: MailSink, to: string, after: number): Promise<string> {
  const mail = await sink.next((m) => m.to.includes(to) && sink.messages.indexOf(m) >= after);
  const code = /\b(\d{6})\b/.exec(parseMail(mail.raw).text)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

/** Whether the page, at 390 px wide, needs no sideways scrolling (the viewport is put back after). */
export async function fitsPhone(page: Page): Promise<boolean> {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  const [scroll, viewport] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  if (size) await page.setViewportSize(size);
  return scroll === viewport;
}
