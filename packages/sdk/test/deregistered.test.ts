import { recordDeregistration } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, PledgeApiError } from '../src/index.js';
import { ADMIN_TOKEN, startServer, type TestServer } from './support/server.js';

const CLOSED = 'canary-closed@example.test';
const SUBJECT_KEY = 'sdk-test-subject-key-0123456789';

let server: TestServer;

async function key(scopes: string[], kind = 'secret', origins?: string[]) {
  return server.app.inject({
    method: 'POST',
    url: '/v1/keys',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: { name: `dereg ${scopes.join(' ')}`, kind, scopes, ...(origins ? { origins } : {}) },
  });
}

beforeAll(async () => {
  server = await startServer('pglite');
  await recordDeregistration(server.store.db, SUBJECT_KEY, [CLOSED], { actor: 'test' });
});
afterAll(() => server.close());

describe('wasDeregistered through the SDK and POST /v1/subjects/deregistered', () => {
  it('answers a boolean and nothing else, with a narrow key; other scopes and site keys cannot ask', async () => {
    const made = await key(['deregistration:check']);
    expect(made.statusCode).toBe(201);
    const client = createClient({ baseUrl: server.baseUrl, apiKey: made.json().secret });
    expect(await client.wasDeregistered(CLOSED)).toBe(true);
    expect(await client.wasDeregistered('never-closed@example.test')).toBe(false);

    const raw = await server.app.inject({
      method: 'POST',
      url: '/v1/subjects/deregistered',
      headers: { authorization: `Bearer ${made.json().secret}` },
      payload: { identifier: CLOSED },
    });
    expect(raw.json()).toEqual({ deregistered: true });

    const decideOnly = await key(['decide']);
    const refused = await createClient({ baseUrl: server.baseUrl, apiKey: decideOnly.json().secret })
      .wasDeregistered(CLOSED)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PledgeApiError);
    expect(refused).toMatchObject({ status: 403, code: 'insufficient-scope' });
    // A site key is published in web pages: it may not hold the scope at all.
    const site = await key(['deregistration:check'], 'site', ['https://shop.example']);
    expect(site.statusCode).toBe(400);
    expect(JSON.stringify(site.json())).toContain('scopes');
  });

  it('names the field of a bad identifier (400) and never echoes it', async () => {
    const made = await key(['deregistration:check']);
    for (const identifier of ['', 'x'.repeat(513), 42]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/v1/subjects/deregistered',
        headers: { authorization: `Bearer ${made.json().secret}` },
        payload: { identifier },
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('identifier');
      expect(res.body).not.toContain('x'.repeat(100));
    }
  });

  it('is rate-limited per key well below the general limit, so a key cannot enumerate identifiers', async () => {
    const made = await key(['deregistration:check']);
    const client = createClient({ baseUrl: server.baseUrl, apiKey: made.json().secret });
    const answers: Array<boolean | unknown> = [];
    for (let i = 0; i < 61; i++)
      answers.push(await client.wasDeregistered(`guess-${i}@example.test`).catch((e) => e));
    expect(answers.slice(0, 60).every((a) => a === false)).toBe(true);
    expect(answers[60]).toBeInstanceOf(PledgeApiError);
    expect(answers[60]).toMatchObject({ status: 429, code: 'rate-limited' });
  });
});
