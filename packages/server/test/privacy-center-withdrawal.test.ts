import { resolveSubjectKey } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newVisitor,
  sealVisitor,
  VISITOR_COOKIE,
  visitorCookieKey,
} from '../src/privacy-center/visitor-cookie.js';
import { type TestApp, testApp } from './helpers.js';

describe('withdrawing consent in the privacy center', () => {
  let t: TestApp;
  let cookie = '';
  let csrf = '';
  const subject = 'withdrawal-canary@example.com';
  beforeAll(async () => {
    t = await testApp('pglite');
    const key = visitorCookieKey(await resolveSubjectKey(t.store, undefined));
    const visitor = { ...newVisitor(Date.now()), subject };
    cookie = `${VISITOR_COOKIE}=${sealVisitor(key, visitor)}`;
    csrf = visitor.csrf;
  });
  afterAll(() => t.close());

  const choose = (choices: Record<string, 'give' | 'withdraw'>) =>
    t.app.inject({
      method: 'POST',
      url: '/privacy/consent',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        csrf,
        ...Object.fromEntries(Object.entries(choices).map(([p, v]) => [`purpose.${p}`, v])),
      }).toString(),
    });
  const allowed = async (purpose: string, categories: string[], jurisdiction: string) =>
    (
      (
        await t.app.inject({
          method: 'POST',
          url: '/v1/decide',
          payload: { subject, purpose, categories, facts: { jurisdiction } },
        })
      ).json() as { allowed: boolean }
    ).allowed;

  it('P0-48: withdrawing consent for one function stops only its processing; earlier records stay valid', async () => {
    expect((await choose({ personalisation: 'give', 'marketing-emails': 'give' })).statusCode).toBe(303);
    expect(await allowed('personalisation', ['browser-info'], 'eu-gdpr')).toBe(true);
    expect(await allowed('marketing-emails', ['email'], 'cn-pipl')).toBe(true);

    expect((await choose({ personalisation: 'withdraw' })).statusCode).toBe(303);
    expect(await allowed('personalisation', ['browser-info'], 'eu-gdpr')).toBe(false);
    expect(await allowed('marketing-emails', ['email'], 'cn-pipl')).toBe(true);

    const query = await t.app.inject({ method: 'POST', url: '/v1/consents/query', payload: { subject } });
    const events = (query.json() as { events: Array<{ type: string; purposes: string[] }> }).events;
    // The earlier consent is kept, not deleted: the withdrawal is a new event after it.
    expect(events.map((e) => [e.type, e.purposes])).toEqual([
      ['consent-given', [expect.any(String)]],
      ['consent-given', [expect.any(String)]],
      ['consent-withdrawn', ['personalisation']],
    ]);
    expect(
      events
        .slice(0, 2)
        .flatMap((e) => e.purposes)
        .sort(),
    ).toEqual(['marketing-emails', 'personalisation']);
    const verified = await t.app.inject({ url: '/v1/ledger/verify' });
    expect(verified.json()).toMatchObject({ ok: true });
  });
});
