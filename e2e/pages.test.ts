import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@pledge/server';
import { browserAvailable, launchBrowser } from '@pledge/testing';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Screenshots land in docs/screenshots when PLEDGE_UPDATE_SCREENSHOTS=1, else in a temp folder.
const shots =
  process.env.PLEDGE_UPDATE_SCREENSHOTS === '1'
    ? 'docs/screenshots'
    : mkdtempSync(join(tmpdir(), 'pledge-shots-'));

async function start(manifest: string): Promise<{ app: FastifyInstance; base: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pledge-e2e-'));
  const started = await startServer({
    env: { PORT: '0', HOST: '127.0.0.1', PLEDGE_DATA_DIR: dataDir, PLEDGE_MANIFEST: manifest },
    logger: false,
    handleSignals: false,
    stderr: () => {},
  });
  if (!started.ok) throw new Error(`server did not start (exit ${started.exitCode})`);
  const address = started.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return { app: started.app, base: `http://127.0.0.1:${address.port}`, dataDir };
}

/** Opens a page and fails the test on any console error or failed request. */
async function open(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems };
}

describe.runIf(browserAvailable())('pages in a real browser', () => {
  let browser: Browser;
  let antsentry: Awaited<ReturnType<typeof start>>;
  let camera: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    antsentry = await start('examples/antsentry/pledge.yaml');
    camera = await start('examples/camera-app/pledge.yaml');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of [antsentry, camera]) {
      await s?.app.close();
      if (s) rmSync(s.dataDir, { recursive: true, force: true });
    }
  });

  it('the policy page renders every section, and the language switch leads to the Chinese policy', async () => {
    const { page, problems } = await open(browser, `${antsentry.base}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toContain('AntSentry');
    const sections = await page.locator('h2').allTextContents();
    expect(sections.length).toBeGreaterThanOrEqual(12);
    expect(sections.join(' ')).toMatch(/rights/i);
    // Every table-of-contents link points at a heading on the page.
    const targets = await page
      .locator('nav a[href^="#"]')
      .evaluateAll((links) =>
        links.map(
          (a) => document.getElementById(decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))) !== null,
        ),
      );
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.every(Boolean)).toBe(true);
    await page.screenshot({ path: join(shots, 'policy-antsentry-en.png') });
    await page.click('a[hreflang="zh-CN"]');
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h2').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: join(shots, 'policy-antsentry-zh-CN.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the camera app policy lists every SDK with its privacy link', async () => {
    const { page, problems } = await open(browser, `${camera.base}/?lang=en`);
    const body = await page.textContent('body');
    for (const sdk of [
      'BeiZi',
      'Pangolin',
      'Youlianghui',
      'Baiqingteng',
      'Kuaishou',
      'inmobi',
      'Bugly',
      'ZXing',
    ]) {
      expect(body).toContain(sdk);
    }
    expect(
      await page.locator('a[href="http://sdkdoc.beizi.biz/#/zh-cn/guide/UsePrivacy"]').count(),
    ).toBeGreaterThan(0);
    await page.locator('table', { hasText: 'BeiZi' }).first().scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const table = Array.from(document.querySelectorAll('table')).find((t) =>
        t.textContent?.includes('BeiZi'),
      );
      table?.scrollIntoView({ block: 'start' });
    });
    await page.screenshot({ path: join(shots, 'policy-camera-app-sdks.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the lint report shows the seed faults', async () => {
    const { page, problems } = await open(browser, `${antsentry.base}/lint`);
    const text = await page.textContent('body');
    for (const code of [
      'contact.placeholder',
      'signals.dnt-with-advertising',
      'minors.threshold-below-law',
      'rights.missing-deadline',
    ]) {
      expect(text).toContain(code);
    }
    await page.screenshot({ path: join(shots, 'lint-report-antsentry.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the API docs page lists the consent and decision operations', async () => {
    const { page, problems } = await open(browser, `${antsentry.base}/docs`);
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    const ops = await page.locator('.opblock-summary-path').allTextContents();
    expect(ops.join(' ')).toContain('/v1/consents');
    expect(ops.join(' ')).toContain('/v1/decide');
    await page.screenshot({ path: join(shots, 'api-docs.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
