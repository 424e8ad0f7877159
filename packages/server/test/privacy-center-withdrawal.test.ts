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

  it('P0-09: personalisation that runs on use alone can be refused in the privacy center, which records the "no"', async () => {
    const other = 'refusal-canary@example.com';
    const key = visitorCookieKey(await resolveSubjectKey(t.store, undefined));
    const visitor = { ...newVisitor(Date.now()), subject: other };
    const otherCookie = `${VISITOR_COOKIE}=${sealVisitor(key, visitor)}`;
    const decide = async () =>
      (
        (
          await t.app.inject({
            method: 'POST',
            url: '/v1/decide',
            payload: {
              subject: other,
              purpose: 'personalisation',
              categories: ['browser-info'],
              facts: { jurisdiction: 'cn-pipl' },
            },
          })
        ).json() as { allowed: boolean }
      ).allowed;
    expect(
      (await t.app.inject({ method: 'POST', url: '/v1/use', payload: { subject: other } })).statusCode,
    ).toBe(200);
    expect(await decide()).toBe(true);

    // The page says no choice was made yet and pre-selects neither answer for that purpose.
    const page = await t.app.inject({ url: '/privacy/consent', headers: { cookie: otherCookie } });
    expect(page.statusCode).toBe(200);
    const fieldset =
      page.body.split('<fieldset>').find((chunk) => chunk.includes('name="purpose.personalisation"')) ?? '';
    expect(fieldset).toContain('No choice yet');
    expect(fieldset).not.toMatch(/name="purpose\.personalisation" value="(give|withdraw)" checked/);

    const refused = await t.app.inject({
      method: 'POST',
      url: '/privacy/consent',
      headers: { cookie: otherCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf: visitor.csrf, 'purpose.personalisation': 'withdraw' }).toString(),
    });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toContain('done=saved');
    expect(await decide()).toBe(false);
    const query = await t.app.inject({
      method: 'POST',
      url: '/v1/consents/query',
      payload: { subject: other },
    });
    const types = (query.json() as { events: Array<{ type: string; purposes?: string[] }> }).events
      .filter((e) => e.type === 'consent-withdrawn')
      .map((e) => e.purposes);
    expect(types).toEqual([['personalisation']]);
  });
});
