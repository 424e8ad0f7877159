import { describe, expect, it } from 'vitest';
import type { SubjectEvent } from '../src/subject-events.js';
import { subjectStateFromEvents } from '../src/subject-events.js';
import { ask, ev, shop, t } from './helpers.js';

const p = (id: string) => shop.purposes.index.get(id)!;

describe('subjectStateFromEvents', () => {
  it('applies events in time order whatever the input order', () => {
    const events = [
      ev('consent-withdrawn', 5, { purposes: ['newsletter'] }),
      ev('consent-given', 1, { purposes: ['newsletter'] }),
    ];
    expect(ask('newsletter', ['email'], events).reasons).toEqual(['deny.consent-withdrawn']);
  });

  it('applies events at the same time in input order', () => {
    const given = ev('consent-given', 1, { purposes: ['newsletter'] });
    const withdrawn = ev('consent-withdrawn', 1, { purposes: ['newsletter'] });
    expect(ask('newsletter', ['email'], [given, withdrawn]).allowed).toBe(false);
    expect(ask('newsletter', ['email'], [withdrawn, given]).allowed).toBe(true);
  });

  it('drops widening events with an unreadable time but still applies narrowing ones', () => {
    const badGiven: SubjectEvent = { type: 'consent-given', at: 'yesterday', purposes: ['newsletter'] };
    expect(ask('newsletter', ['email'], [badGiven]).allowed).toBe(false);
    const given = ev('consent-given', 1, { purposes: ['newsletter'] });
    const badWithdrawal: SubjectEvent = { type: 'consent-withdrawn', at: '', purposes: ['newsletter'] };
    expect(ask('newsletter', ['email'], [badWithdrawal, given]).reasons).toEqual(['deny.consent-withdrawn']);
  });

  it('records the consent mode, time and version, and never downgrades a consent in force', () => {
    const state = subjectStateFromEvents(shop, [
      ev('consent-given', 1, { purposes: ['health-tips'], mode: 'separate', policyVersion: '2.0' }),
      ev('consent-given', 2, { purposes: ['health-tips'], mode: 'opt-in' }),
      ev('implied-acceptance', 3),
    ]);
    expect(state.consents[p('health-tips')]).toEqual({
      mode: 'separate',
      level: 3,
      at: t(1),
      policyVersion: '2.0',
      needsRenewal: false,
    });
    expect(state.consents[p('account')]?.mode).toBe('implied');
  });

  it('a consent without purposes covers every purpose; unknown purpose ids are ignored', () => {
    const all = subjectStateFromEvents(shop, [ev('consent-given', 1)]);
    expect(all.consents.every((consent) => consent?.mode === 'opt-in')).toBe(true);
    const some = subjectStateFromEvents(shop, [
      ev('consent-given', 1, { purposes: ['newsletter', 'made-up'] }),
    ]);
    expect(some.consents.filter(Boolean)).toHaveLength(1);
  });

  it('skips malformed events and values without throwing', () => {
    const junk = [
      null,
      42,
      { at: t(1) },
      { type: 'consent-given', at: t(1), mode: 'telepathic', purposes: ['newsletter'] },
      { type: 'consent-given', at: t(1), purposes: 'newsletter' },
      { type: 'restriction-lifted', at: t(2), categories: 'email' },
      { type: 'consent-withdrawn', at: t(3), purposes: 'not-a-list' },
    ] as unknown as SubjectEvent[];
    const state = subjectStateFromEvents(shop, junk);
    expect(state.consents.every((consent) => consent === undefined)).toBe(true);
    // The malformed withdrawal narrows, so it applies to every purpose.
    expect([...state.withdrawn]).toEqual(new Array(shop.purposes.ids.length).fill(1));
    expect(subjectStateFromEvents(shop, 'nope' as unknown as SubjectEvent[]).consents).toHaveLength(7);
  });

  it('takes jurisdiction and age from the options and signals from events', () => {
    const state = subjectStateFromEvents(
      shop,
      [ev('signal-seen', 1, { signal: 'gpc' }), ev('signal-seen', 2, { signal: 'dnt' })],
      { jurisdiction: 'us-ca-ccpa', age: 15 },
    );
    expect(state).toMatchObject({ jurisdiction: 'us-ca-ccpa', age: 15, gpc: true, dnt: true });
  });
});
