import { describe, expect, it } from 'vitest';
import { ask, ev } from './helpers.js';

const accepted = ev('policy-accepted', 1);
const newsletter = ev('consent-given', 1, { purposes: ['newsletter'] });

describe('decide: objections', () => {
  it('an objection stops legitimate-interests processing', () => {
    const events = [ev('objection', 2, { purposes: ['security'] })];
    expect(ask('security', ['device-id'], events, { in: 'eu-gdpr' }).reasons).toEqual(['deny.objection']);
  });

  it('an objection does not stop processing the contract needs', () => {
    const events = [accepted, ev('objection', 2)];
    expect(ask('account', ['email'], events, { in: 'eu-gdpr' }).allowed).toBe(true);
  });

  it('an objection to direct marketing stops it on any basis, until a later consent', () => {
    const events = [newsletter, ev('objection', 2, { purposes: ['newsletter'] })];
    expect(ask('newsletter', ['email'], events).reasons).toEqual(['deny.objection']);
    const again = ev('consent-given', 3, { purposes: ['newsletter'] });
    expect(ask('newsletter', ['email'], [...events, again]).allowed).toBe(true);
  });

  it('an objection stops processing until an objection-lifted event (an assessment found compelling grounds)', () => {
    const events = [ev('objection', 2), ev('objection-lifted', 3, { purposes: ['security'] })];
    expect(ask('security', ['device-id'], events.slice(0, 1), { in: 'eu-gdpr' }).allowed).toBe(false);
    expect(ask('security', ['device-id'], events, { in: 'eu-gdpr' }).allowed).toBe(true);
    const later = ev('objection', 4, { purposes: ['security'] });
    expect(ask('security', ['device-id'], [...events, later], { in: 'eu-gdpr' }).allowed).toBe(false);
  });
});

describe('decide: restrictions', () => {
  it('a restriction of the whole subject denies every purpose until it is lifted', () => {
    const restricted = [accepted, newsletter, ev('restriction', 2)];
    for (const [purpose, categories] of [
      ['security', ['device-id']],
      ['account', ['email']],
      ['newsletter', ['email']],
    ] as const) {
      expect(ask(purpose, [...categories], restricted, { in: 'eu-gdpr' }).reasons).toContain(
        'deny.restricted',
      );
    }
    const lifted = [...restricted, ev('restriction-lifted', 3)];
    expect(ask('security', ['device-id'], lifted, { in: 'eu-gdpr' }).allowed).toBe(true);
  });

  it('a restriction of one purpose or one category denies only what it names', () => {
    const purpose = [accepted, newsletter, ev('restriction', 2, { purposes: ['account'] })];
    expect(ask('account', ['email'], purpose, { in: 'eu-gdpr' }).reasons).toEqual(['deny.restricted']);
    expect(ask('newsletter', ['email'], purpose, { in: 'eu-gdpr' }).allowed).toBe(true);
    const category = [accepted, newsletter, ev('restriction', 2, { categories: ['email'] })];
    expect(ask('newsletter', ['email'], category, { in: 'eu-gdpr' }).reasons).toEqual(['deny.restricted']);
    expect(ask('newsletter', ['name'], category, { in: 'eu-gdpr' }).allowed).toBe(true);
    const lifted = [...category, ev('restriction-lifted', 3, { categories: ['email'] })];
    expect(ask('newsletter', ['email'], lifted, { in: 'eu-gdpr' }).allowed).toBe(true);
  });
});
