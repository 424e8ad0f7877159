import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Where screenshots land: docs/img when PLEDGE_UPDATE_SCREENSHOTS=1, else a temp folder. */
export function screenshotDir(prefix: string): string {
  return process.env.PLEDGE_UPDATE_SCREENSHOTS === '1' ? 'docs/img' : mkdtempSync(join(tmpdir(), prefix));
}

/** Runs axe-core in the page (evaluated, so the page's CSP, which allows no script, stays on). */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
  return results.violations.map(
    (v) => `${v.impact}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Starts the app on a free local port and returns its base URL. */
export async function listenLocally(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
