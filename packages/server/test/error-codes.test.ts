import { type ErrorCode, errorSpec, isErrorCode, type ServerErrorCode } from '@pledge/protocol';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../src/errors.js';
import { post, type TestApp, testApp } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
const JSON_TYPE = { 'content-type': 'application/json' };

/** The answer's code, checked against the catalogue: listed, from the server, with this status. */
function codeOf(res: LightMyRequestResponse): ErrorCode {
  const code: unknown = res.json().error?.code;
  expect(isErrorCode(code), String(code)).toBe(true);
  const spec = errorSpec(code as ErrorCode);
  expect(spec.source).toBe('server');
  expect(res.statusCode).toBe(spec.status);
  return code as ErrorCode;
}

describe('every error code the server answers with is in the catalogue, with its status', () => {
  let t: TestApp;
  let guarded: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite');
    guarded = await testApp('pglite', { apiToken: TOKEN });
  });
  afterAll(async () => {
    await guarded.close();
    await t.close();
  });

  it.each<[string, () => Promise<LightMyRequestResponse>, ServerErrorCode]>([
    ['a field at fault', () => post(t.app, '/v1/decide', { purpose: 1 }), 'bad-request'],
    ['a bad query', () => t.app.inject({ url: '/v1/ledger/changes?after=-1' }), 'bad-request'],
    ['malformed JSON', () => post(t.app, '/v1/consents', '{"subject": ', JSON_TYPE), 'invalid-json'],
    [
      'a manifest that is not one',
      () => post(t.app, '/v1/policies', 'pledge: 1\n', { 'content-type': 'application/yaml' }),
      'bad-request',
    ],
    ['no token', () => guarded.app.inject({ url: '/v1/policies' }), 'unauthorized'],
    [
      'the SDK configuration from afar in development mode',
      () => t.app.inject({ url: '/v1/sdk/config', remoteAddress: '203.0.113.7' }),
      'dev-mode-local-only',
    ],
    [
      'a proxied request in development mode',
      () => t.app.inject({ url: '/v1/policies', headers: { 'x-forwarded-for': '203.0.113.7' } }),
      'proxy-in-dev-mode',
    ],
    [
      'a foreign host name in development mode',
      () => t.app.inject({ url: '/healthz', headers: { host: 'rebind.example' } }),
      'host-not-allowed',
    ],
    [
      'a body naming another actor',
      () => post(t.app, '/v1/consents', { subject: 'u', events: [{ type: 'opt-out', actor: 'officer' }] }),
      'actor-not-allowed',
    ],
    [
      'the bootstrap token on a route it has no scope for',
      () => guarded.app.inject({ url: '/v1/policies', headers: { authorization: `Bearer ${TOKEN}` } }),
      'insufficient-scope',
    ],
    ['an unknown route', () => t.app.inject({ url: '/v1/nope' }), 'not-found'],
    [
      'text/plain',
      () => post(t.app, '/v1/decide', 'x', { 'content-type': 'text/plain' }),
      'unsupported-media-type',
    ],
    [
      'a body over the limit',
      () => post(t.app, '/v1/use', JSON.stringify({ subject: 'x'.repeat(1_100_000) }), JSON_TYPE),
      'payload-too-large',
    ],
  ])('%s', async (_name, request, expected) => {
    expect(codeOf(await request())).toBe(expected);
  });

  it('an unexpected failure is internal', async () => {
    const broken = await testApp('pglite');
    await broken.store.close();
    const res = await post(broken.app, '/v1/consents', { subject: 'u', events: [{ type: 'opt-out' }] });
    expect(codeOf(res)).toBe('internal');
    await broken.app.close();
  });

  it('a route can only throw a catalogued code', () => {
    expect(new HttpError(403, 'forbidden', 'm').code).toBe('forbidden');
    // @ts-expect-error: not in the catalogue
    expect(new HttpError(400, 'made-up', 'm').code).toBe('made-up');
  });
});
