import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app';
import { loadManifest, MINIMAL, REPO_ROOT } from './fixtures';

const antsentry = loadManifest(`${REPO_ROOT}examples/antsentry/pledge.yaml`);

describe('buildServer', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ manifest: antsentry, source: 'examples/antsentry/pledge.yaml', logger: false });
  });
  afterAll(() => app.close());

  it('GET /healthz reports the policy served', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', policy: { id: 'antsentry', version: '2022-01-20' } });
  });

  it('GET / is the rendered policy with a language switch and a lint link', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<a href="/?lang=zh-CN"');
    expect(res.body).toMatch(/<a href="\/lint">Lint report \(\d+ errors?, \d+ warnings?, \d+ notes?\)<\/a>/);
    const zh = await app.inject({ url: '/?lang=zh-CN' });
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('<strong aria-current="page">简体中文</strong>');
  });

  it('GET /policy serves HTML or Markdown in either language', async () => {
    const md = await app.inject({ url: '/policy?lang=zh-CN&format=md' });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# AntSentry 隐私政策/);
    const html = await app.inject({ url: '/policy' });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<html lang="en">');
    expect(html.body).not.toContain('aria-label="Pledge"');
  });

  it.each([
    ['/policy?lang=fr', 'lang', "query parameter 'lang' must be one of: en, zh-CN"],
    ['/policy?format=pdf', 'format', "query parameter 'format' must be one of: html, md"],
    ['/policy?lang=en&lang=zh-CN', 'lang', "query parameter 'lang' is invalid (type)"],
    ['/?lang=%3Cscript%3E', 'lang', "query parameter 'lang' must be one of: en, zh-CN"],
  ])('GET %s is a 400 naming %s, without echoing the value', async (url, parameter, message) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad-request', message, parameter } });
    expect(res.body).not.toContain('script');
  });

  it('GET /lint.json lists the lint findings; GET /lint shows them as HTML', async () => {
    const json = await app.inject({ url: '/lint.json' });
    const findings = json.json() as Array<Record<string, string>>;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['code', 'message', 'path', 'severity']);
    const html = await app.inject({ url: '/lint' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain(`<code>${findings[0]!.code}</code>`);
    expect((html.body.match(/<tr class="/g) ?? []).length).toBe(findings.length);
  });

  it('an unknown route is a JSON 404', async () => {
    const res = await app.inject({ url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: 'no route for GET /nope' } });
  });

  it('lint HTML escapes text from the manifest', async () => {
    const minimal = loadManifest(MINIMAL);
    const hostile = structuredClone(minimal);
    hostile.controller.contacts[0]!.value = '<script>alert(1)</script>';
    const other = await buildServer({ manifest: hostile, source: '<b>x</b>.yaml', logger: false });
    const res = await other.inject({ url: '/lint' });
    expect(res.body).not.toContain('<b>x</b>');
    expect(res.body).toContain('&lt;b&gt;x&lt;/b&gt;.yaml');
    await other.close();
  });
});

describe('logging', () => {
  it('logs requests without query strings, client addresses or credentials', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildServer({ manifest: loadManifest(MINIMAL), logger: { level: 'info', stream } });
    await app.inject({
      url: '/healthz?email=someone@example.test',
      headers: { authorization: 'Bearer s3cret-token', cookie: 'sid=abc123', 'user-agent': 'Agent/1.0' },
      remoteAddress: '203.0.113.7',
    });
    await app.close();
    const log = lines.join('');
    const request = lines
      .map((l) => JSON.parse(l) as { msg: string; req?: Record<string, unknown> })
      .find((l) => l.req);
    expect(request?.req).toMatchObject({
      method: 'GET',
      path: '/healthz',
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
    });
    for (const secret of ['s3cret-token', 'abc123', 'someone@example.test', '203.0.113.7', 'Agent/1.0']) {
      expect(log).not.toContain(secret);
    }
  });
});
