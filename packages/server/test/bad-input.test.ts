import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antsentry, backends, ledgerCount, type TestApp, testApp, versionCount } from './helpers.js';

const EVENT_TYPES = [
  'consent-given',
  'consent-withdrawn',
  'signal-seen',
  'opt-out',
  'policy-accepted',
  'objection',
];
const good = { subject: 'user-1', events: [{ type: 'consent-given', purposes: ['marketing-emails'] }] };
const decision = { subject: 'user-1', purpose: 'marketing-emails', categories: ['email'] };

interface Case {
  name: string;
  url: string;
  payload: string;
  type?: string;
  status: number;
  code: string;
  /** Paths the issues must name. */
  paths?: string[];
}

const json = (value: unknown) => JSON.stringify(value);

const CASES: Case[] = [
  {
    name: 'a field of the wrong type',
    url: '/v1/consents',
    payload: json({ ...good, subject: 42 }),
    status: 400,
    code: 'bad-request',
    paths: ['subject'],
  },
  {
    name: 'an unknown field',
    url: '/v1/consents',
    payload: json({ ...good, note: 'x' }),
    status: 400,
    code: 'bad-request',
    paths: ['note'],
  },
  {
    name: 'an unknown nested field',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'consent-given', colour: 'red' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].colour'],
  },
  {
    name: 'a bad enum value deep in the body',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [good.events[0], { type: 'consent-maybe' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[1].type'],
  },
  {
    name: 'a date that is not ISO 8601',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'opt-out', occurredAt: 'yesterday' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].occurredAt'],
  },
  {
    name: 'a date before 1970',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'opt-out', occurredAt: '0000-01-01T00:00:00Z' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].occurredAt'],
  },
  {
    name: 'a date in the future',
    url: '/v1/consents',
    payload: json({
      subject: 'u',
      events: [good.events[0], { type: 'consent-given', occurredAt: '9999-12-31T23:59:59-23:59' }],
    }),
    status: 400,
    code: 'bad-request',
    paths: ['events[1].occurredAt'],
  },
  {
    name: 'no events',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [] }),
    status: 400,
    code: 'bad-request',
    paths: ['events'],
  },
  {
    name: 'text holding NUL',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'opt-out', source: 'we\u0000b' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].source'],
  },
  {
    name: 'a subject holding a lone UTF-16 surrogate',
    url: '/v1/consents',
    payload: json({ subject: 'user-\uD800', events: [{ type: 'opt-out' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['subject'],
  },
  {
    name: 'a purpose id holding a byte-order mark',
    url: '/v1/consents',
    payload: json({
      subject: 'u',
      events: [{ type: 'consent-given', purposes: ['\uFEFFmarketing-emails'] }],
    }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].purposes[0]'],
  },
  {
    name: 'a purpose the policy in force does not declare',
    url: '/v1/consents',
    payload: json({
      subject: 'u',
      events: [{ type: 'consent-given', purposes: ['marketing-emails', 'nope'] }],
    }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].purposes[1]'],
  },
  {
    name: 'a category the policy in force does not declare',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'opt-out' }, { type: 'opt-out', categories: ['nope'] }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[1].categories[0]'],
  },
  {
    name: 'a method outside the vocabulary',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'opt-out', method: 'my own words' }] }),
    status: 400,
    code: 'bad-request',
    paths: ['events[0].method'],
  },
  {
    name: 'a use source outside the vocabulary',
    url: '/v1/use',
    payload: json({ subject: 'u', source: 'somewhere' }),
    status: 400,
    code: 'bad-request',
    paths: ['source'],
  },
  {
    name: 'a manifest holding a lone surrogate',
    url: '/v1/policies',
    payload: json({ ...antsentry, policy: { ...antsentry.policy, version: 'v\uDC00' } }),
    status: 400,
    code: 'bad-request',
    paths: ['policy.version'],
  },
  {
    name: 'a missing field',
    url: '/v1/decide',
    payload: json({ purpose: 'x' }),
    status: 400,
    code: 'bad-request',
    paths: ['categories'],
  },
  {
    name: 'an unknown fact',
    url: '/v1/decide',
    payload: json({ ...decision, facts: { mood: 'good' } }),
    status: 400,
    code: 'bad-request',
    paths: ['facts.mood'],
  },
  {
    name: 'a region that is not a country code',
    url: '/v1/decide',
    payload: json({ ...decision, facts: { jurisdiction: 'eu-gdpr', region: 'France' } }),
    status: 400,
    code: 'bad-request',
    paths: ['facts.region'],
  },
  {
    name: 'a batch over 1000',
    url: '/v1/decide/batch',
    payload: json({ requests: Array(1001).fill({ purpose: 'x', categories: [] }) }),
    status: 400,
    code: 'bad-request',
    paths: ['requests'],
  },
  {
    name: 'a bad request inside a batch',
    url: '/v1/decide/batch',
    payload: json({ requests: [decision, { ...decision, age: 3 }] }),
    status: 400,
    code: 'bad-request',
    paths: ['requests[1].age'],
  },
  {
    name: 'an array for an object',
    url: '/v1/use',
    payload: json([{ subject: 'u' }]),
    status: 400,
    code: 'bad-request',
    paths: ['(root)'],
  },
  {
    name: 'malformed JSON',
    url: '/v1/consents',
    payload: '{"subject": "u", ',
    status: 400,
    code: 'invalid-json',
  },
  {
    name: 'a prototype-poisoning key',
    url: '/v1/consents',
    payload: '{"subject":"u","__proto__":{"x":1},"events":[]}',
    status: 400,
    code: 'invalid-json',
  },
  { name: 'an empty JSON body', url: '/v1/decide', payload: '', status: 400, code: 'invalid-json' },
  {
    name: 'text/plain',
    url: '/v1/consents',
    payload: json(good),
    type: 'text/plain',
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'a form',
    url: '/v1/decide',
    payload: 'purpose=x',
    type: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'YAML where only the manifest route takes it',
    url: '/v1/consents',
    payload: 'subject: u\n',
    type: 'application/yaml',
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'a body over 1 MiB',
    url: '/v1/consents',
    payload: json({ subject: 'u', events: [{ type: 'opt-out', source: 'x'.repeat(1_100_000) }] }),
    status: 413,
    code: 'payload-too-large',
  },
  {
    name: 'a manifest over 5 MiB',
    url: '/v1/policies',
    payload: `pledge: 1\n# ${'x'.repeat(5_300_000)}\n`,
    type: 'application/yaml',
    status: 413,
    code: 'payload-too-large',
  },
];

const QUERY_CASES: Array<[string, string]> = [
  ['/v1/ledger/changes?after=-1', 'after'],
  ['/v1/ledger/changes?after=abc', 'after'],
  ['/v1/ledger/changes?after=1.5', 'after'],
  ['/v1/ledger/changes?limit=0', 'limit'],
  ['/v1/ledger/changes?limit=5001', 'limit'],
  ['/v1/ledger/changes?after=1&after=2', 'after'],
  ['/v1/ledger/changes?since=3', 'since'],
  ['/v1/policy/rendered?lang=fr', 'lang'],
  ['/v1/policy/rendered?format=pdf', 'format'],
];

/** Bodies shaped like each route's, with every field sometimes wrong, missing or extra; or any JSON. */
function nearBodies(): Record<string, fc.Arbitrary<unknown>> {
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
  const any = fc.jsonValue({ maxDepth: 2 });
  const maybe = <T>(a: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 12, arbitrary: a }, { weight: 1, arbitrary: any });
  const shape = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.record(fields, { requiredKeys: Object.keys(fields).slice(0, 1) }) },
      { weight: 1, arbitrary: fc.record({ ...fields, extra: any }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    );
  const dateIn = (min: string, max: string) =>
    fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString());
  const date = fc.oneof(
    { weight: 6, arbitrary: dateIn('1970-01-01T00:00:00Z', '2025-12-31T00:00:00Z') },
    { weight: 1, arbitrary: dateIn('0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z') },
    { weight: 1, arbitrary: fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59') },
  );
  const event = fc.record(
    {
      type: maybe(fc.constantFrom(...EVENT_TYPES)),
      purposes: maybe(
        fc.array(fc.constantFrom('marketing-emails', 'personalisation', 'x'), { maxLength: 3 }),
      ),
      consentMode: maybe(fc.constantFrom('opt-in', 'implied', 'separate')),
      signal: maybe(fc.constantFrom('gpc', 'dnt')),
      source: maybe(text),
      occurredAt: maybe(date),
    },
    { requiredKeys: ['type'] },
  );
  const decide = {
    purpose: maybe(fc.constantFrom('marketing-emails', 'personalisation', 'registration', 'nope')),
    categories: maybe(fc.array(fc.constantFrom('email', 'ip-address', 'x'), { maxLength: 2 })),
    subject: maybe(text),
    facts: maybe(fc.record({ jurisdiction: fc.constantFrom('eu-gdpr', 'us-ca-ccpa'), gpc: fc.boolean() })),
  };
  return {
    '/v1/consents': shape({
      subject: maybe(text),
      events: maybe(fc.array(event, { minLength: 1, maxLength: 3 })),
    }),
    '/v1/consents/query': shape({ subject: maybe(text) }),
    '/v1/decide': shape(decide),
    '/v1/decide/batch': shape({
      requests: maybe(fc.array(fc.record(decide, { requiredKeys: [] }), { maxLength: 3 })),
    }),
    '/v1/use': shape({ subject: maybe(text), source: maybe(text) }),
    // A real manifest with a random version (some get published) or a field of the wrong kind.
    '/v1/policies': fc.oneof(
      text.map((version) => ({ ...antsentry, policy: { ...antsentry.policy, version } })),
      fc
        .record({ policy: any, purposes: any }, { requiredKeys: [] })
        .map((over) => ({ ...antsentry, ...over })),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  };
}

/**
 * One accepted and one rejected body per route, run before the random ones, so the check that
 * every route was seen on both sides never depends on what the random bodies happened to be.
 */
function knownBodies(): Array<[[string, unknown]]> {
  const valid: Record<string, unknown> = {
    '/v1/consents': {
      subject: 'known-1',
      events: [{ type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' }],
    },
    '/v1/consents/query': { subject: 'known-1' },
    '/v1/decide': { purpose: 'marketing-emails', categories: ['email'] },
    '/v1/decide/batch': { requests: [{ purpose: 'marketing-emails', categories: ['email'] }] },
    '/v1/use': { subject: 'known-1' },
    '/v1/policies': { ...antsentry, policy: { ...antsentry.policy, version: 'known-version' } },
  };
  return Object.entries(valid).flatMap(
    ([url, body]): Array<[[string, unknown]]> => [[[url, body]], [[url, 42]]],
  );
}

describe.each(backends)('bad input on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it.each(CASES)('$name → $status $code, nothing stored', async (c) => {
    const events = await ledgerCount(t.store);
    const versions = await versionCount(t.store);
    const res = await t.app.inject({
      method: 'POST',
      url: c.url,
      headers: { 'content-type': c.type ?? 'application/json' },
      payload: c.payload,
    });
    expect(res.statusCode).toBe(c.status);
    const { error } = res.json();
    expect(error.code).toBe(c.code);
    expect(typeof error.message).toBe('string');
    if (c.paths)
      expect(error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(c.paths));
    expect(await ledgerCount(t.store)).toBe(events);
    expect(await versionCount(t.store)).toBe(versions);
  });

  it('a POST without a body is a 400; a GET on a POST route is a 404', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/v1/use' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.issues[0].path).toBe('(root)');
    expect((await t.app.inject({ url: '/v1/consents' })).statusCode).toBe(404);
  });

  it.each(QUERY_CASES)('GET %s is a 400 naming %s', async (url, path) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('random JSON bodies never cause a 500, and a rejected one changes nothing', {
    timeout: 300_000,
  }, async () => {
    const accepted = new Set<string>();
    const rejected = new Set<string>();
    const bodies = nearBodies();
    const request = fc.oneof(
      ...Object.entries(bodies).map(([url, body]) => fc.tuple(fc.constant(url), body)),
    );
    await fc.assert(
      fc.asyncProperty(request, async ([url, body]) => {
        const events = await ledgerCount(t.store);
        const versions = await versionCount(t.store);
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          rejected.add(url);
          expect(res.json().error.code).toEqual(expect.any(String));
          expect(await ledgerCount(t.store)).toBe(events);
          expect(await versionCount(t.store)).toBe(versions);
        } else {
          accepted.add(url);
          const added = (await ledgerCount(t.store)) - events;
          if (url === '/v1/consents') expect(added).toBe(res.json().events.length);
          else if (url === '/v1/use') expect(added).toBe(res.json().recorded ? 1 : 0);
          else expect(added).toBe(0);
          const published = (await versionCount(t.store)) - versions;
          expect(published).toBe(url === '/v1/policies' && res.json().created ? 1 : 0);
        }
      }),
      { numRuns: kind === 'pglite' ? 300 : 150, examples: knownBodies() },
    );
    // Every route was exercised on both sides, so the property checked something on each.
    expect([...accepted].sort()).toEqual(Object.keys(bodies).sort());
    expect([...rejected].sort()).toEqual(Object.keys(bodies).sort());
    expect((await t.app.inject({ url: '/v1/ledger/verify' })).json().ok).toBe(true);
  });
});
