import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import { categoryMask, decide, decideIndexed } from '../src/decide.js';
import { subjectStateFromEvents } from '../src/subject-events.js';
import { shopManifest } from './fixture.js';
import { ask, ev, shop } from './helpers.js';

describe('decide: obligations', () => {
  it('a sensitive category obliges access logging and masking of that category', () => {
    const events = [ev('consent-given', 1, { purposes: ['account'], mode: 'separate' })];
    const decision = ask('account', ['email', 'location', 'order-notes'], events, { in: 'cn-pipl' });
    expect(decision.allowed).toBe(true);
    expect(decision.obligations).toEqual([
      { kind: 'log-access' },
      { kind: 'mask-fields', categories: ['location', 'order-notes'] },
    ]);
  });

  it('a policy that promises access logging obliges it for every allowed use', () => {
    const logged = compilePolicy(
      shopManifest((m) => {
        m.security = { accessLogging: true };
      }),
    );
    expect(ask('security', ['device-id'], [], {}, logged).obligations).toEqual([{ kind: 'log-access' }]);
    expect(ask('security', ['device-id']).obligations).toEqual([]);
  });

  it('denied decisions carry no obligations', () => {
    expect(ask('newsletter', ['email']).obligations).toEqual([]);
  });

  it('decisions are frozen values, and repeated outcomes share one instance', () => {
    const subject = subjectStateFromEvents(shop, [ev('policy-accepted', 1)], { jurisdiction: 'eu-gdpr' });
    const mask = categoryMask(shop, ['email', 'location'])!;
    const account = shop.purposes.index.get('account')!;
    const first = decideIndexed(shop, account, mask, subject);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.reasons)).toBe(true);
    expect(decideIndexed(shop, account, mask, subject)).toBe(first);
    expect(decide(shop, { purpose: 'account', categories: ['location', 'email'] }, subject)).toBe(first);
    const denied = decideIndexed(
      shop,
      shop.purposes.index.get('newsletter')!,
      categoryMask(shop, ['email'])!,
      subject,
    );
    expect(
      decideIndexed(shop, shop.purposes.index.get('newsletter')!, categoryMask(shop, ['email'])!, subject),
    ).toBe(denied);
  });
});
