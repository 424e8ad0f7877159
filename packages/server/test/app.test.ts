import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.js';
import { loadManifest, MINIMAL, REPO_ROOT } from './fixtures.js';

const antsentry = loadManifest(`${REPO_ROOT}examples/antsentry/pledge.yaml`);

interface OpenApiOperation {
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

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
    expect(res.body).toContain('<a href="/docs">API</a>');
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
    ['/policy?lang=fr', 'lang', 'Invalid option: expected one of "en"|"zh-CN"'],
    ['/policy?format=pdf', 'format', 'Invalid option: expected one of "html"|"md"'],
    ['/policy?lang=en&lang=zh-CN', 'lang', 'Invalid option: expected one of "en"|"zh-CN"'],
    ['/?lang=%3Cscript%3E', 'lang', 'Invalid option: expected one of "en"|"zh-CN"'],
  ])('GET %s is a 400 naming %s, without echoing the value', async (url, path, message) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'bad-request',
        message: `query ${path}: ${message}`,
        issues: [{ path, code: 'schema.invalid_value', message }],
      },
    });
    expect(res.body).not.toContain('script');
    expect(res.body).not.toContain('fr"');
  });

  it('pages ignore query parameters they do not know (utm_source...)', async () => {
    expect((await app.inject({ url: '/?utm_source=mail' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/policy?utm_source=mail&format=md' })).statusCode).toBe(200);
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

  it('an unknown route is a JSON 404 that does not echo the path (it may hold an identifier)', async () => {
    const res = await app.inject({ url: '/nope/user-42?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: 'no such route for GET: see /docs' } });
  });

  it('serves Swagger UI at /docs with its own content security policy, and the OpenAPI 3.1 document', async () => {
    const ui = await app.inject({ url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
    expect(ui.headers['content-security-policy']).not.toContain('validator.swagger.io');
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas).toHaveProperty('Manifest');
  });

  it('the OpenAPI document describes every body and answer of every route, and every $ref resolves', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: { schemas: Record<string, unknown> };
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      [
        'GET /',
        'GET /policy',
        'GET /lint',
        'GET /lint.json',
        'GET /healthz',
        'POST /v1/audit/accesses',
        'POST /v1/consents',
        'POST /v1/consents/query',
        'POST /v1/decide',
        'POST /v1/decide/batch',
        'POST /v1/subjects/deregistered',
        'POST /v1/use',
        'GET /v1/policies',
        'GET /v1/policies/current',
        'POST /v1/policies',
        'GET /v1/policy/rendered',
        'GET /v1/ledger/verify',
        'POST /v1/ledger/verify',
        'POST /v1/ledger/checkpoints',
        'GET /v1/ledger/changes',
        'GET /v1/sdk/config',
        'GET /v1/keys',
        'POST /v1/keys',
        'DELETE /v1/keys/{id}',
        'POST /v1/disclosures',
        'GET /v1/recipients',
        'POST /v1/recipients/{id}/contracts',
        'GET /v1/recipients/{id}/contracts/{contract}',
        'POST /v1/recipients/{id}/inspections',
        'POST /v1/recipients/{id}/end',
        'GET /v1/recipients/contacts',
        'PUT /v1/recipients/{id}/contact',
        'POST /v1/requests',
        'GET /v1/requests',
        'GET /v1/requests/{id}',
        'POST /v1/requests/{id}/verify',
        'POST /v1/requests/{id}/clarify',
        'POST /v1/requests/{id}/resume',
        'POST /v1/requests/{id}/extend',
        'POST /v1/requests/{id}/objection-assessment',
        'POST /v1/requests/{id}/deny',
        'POST /v1/requests/{id}/complete',
        'POST /v1/requests/{id}/approve',
      ].sort(),
    );
    for (const { path, method, op } of operations) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [, response] of success) {
        expect(Object.keys(response.content ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      }
      if (method === 'post') {
        // A contract's document is the raw body (PDF or text), described by the route's description.
        if (path !== '/v1/recipients/{id}/contracts') {
          expect(Object.keys(op.requestBody?.content ?? {}), path).toContain('application/json');
        }
        expect(op.responses['400']?.content?.['application/json']?.schema).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
  });

  it('lint HTML escapes text from the manifest', async () => {
    const minimal = loadManifest(MINIMAL);
    const hostile = structuredClone(minimal);
    hostile.controller.contacts[0]!.value = '<script>alert(1)</script>';
    hostile.lintOverrides.push({
      rule: 'contact.placeholder',
      reason: 'the test shows the lint page escapes it',
    });
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
