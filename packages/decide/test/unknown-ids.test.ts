import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import { categoryMask, type DecisionRequest, decide, decideIndexed } from '../src/decide.js';
import { emptySubjectState } from '../src/packed-subject.js';
import { subjectStateFromEvents } from '../src/subject-events.js';
import type { SubjectState } from '../src/subject-state.js';
import { shopManifest } from './fixture.js';
import { ask, ev, shop } from './helpers.js';

const subject = emptySubjectState(shop);

describe('decide: unknown ids and bad input', () => {
  it('an unknown purpose is denied with no legal basis', () => {
    expect(ask('profiling', ['email'])).toEqual({
      allowed: false,
      legalBasis: undefined,
      reasons: ['deny.unknown-purpose'],
      obligations: [],
    });
  });

  it('an unknown category, or one the purpose does not declare, is denied', () => {
    const consent = [ev('consent-given', 1, { purposes: ['newsletter'] })];
    expect(ask('newsletter', ['email', 'shoe-size'], consent).reasons).toEqual(['deny.unknown-category']);
    expect(ask('newsletter', ['email', 'device-id'], consent)).toMatchObject({
      allowed: false,
      legalBasis: 'consent',
      reasons: ['deny.category-not-declared'],
    });
  });

  it('an unknown jurisdiction is denied and reported', () => {
    const request = {
      purpose: 'security',
      categories: ['device-id'],
      jurisdiction: 'mars',
    } as unknown as DecisionRequest;
    expect(decide(shop, request, subject).reasons).toEqual(['deny.unknown-jurisdiction']);
  });

  it('malformed requests and subjects deny instead of throwing', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'security',
      { purpose: 'security' },
      { purpose: 'security', categories: 'device-id' },
      { purpose: { id: 'security' }, categories: [] },
      { purpose: 'security', categories: [null, 3.5, -1, 99] },
    ];
    for (const request of bad) {
      const decision = decide(shop, request as DecisionRequest, subject);
      expect(decision.allowed).toBe(false);
      expect(decision.reasons.length).toBeGreaterThan(0);
    }
    const noSubject = decide(shop, { purpose: 'security', categories: [] }, null as unknown as SubjectState);
    expect(noSubject.reasons).toEqual(['deny.invalid-request']);
  });

  it('decideIndexed denies out-of-range indexes and unknown mask bits', () => {
    const mask = categoryMask(shop, ['device-id'])!;
    for (const purpose of [-1, 7, 1.5, Number.NaN]) {
      expect(decideIndexed(shop, purpose, mask, subject).reasons).toEqual(['deny.unknown-purpose']);
    }
    const security = shop.purposes.index.get('security')!;
    expect(decideIndexed(shop, security, mask, subject).allowed).toBe(true);
    expect(decideIndexed(shop, security, Uint32Array.of(1 << 30), subject).reasons).toEqual([
      'deny.unknown-category',
    ]);
    expect(decideIndexed(shop, security, Uint32Array.of(0, 1), subject).reasons).toEqual([
      'deny.unknown-category',
    ]);
    expect(decideIndexed(shop, security, mask, subject, 17).reasons).toEqual(['deny.recipient-not-declared']);
    const notMask = [1] as unknown as Uint32Array;
    expect(decideIndexed(shop, security, notMask, subject).reasons).toEqual(['deny.invalid-request']);
    expect(decideIndexed(shop, security, mask, null as unknown as SubjectState).reasons).toEqual([
      'deny.invalid-request',
    ]);
  });

  it('a subject built for a policy of another shape is refused, not misread', () => {
    const smaller = compilePolicy(
      shopManifest((input) => {
        input.purposes = input.purposes.filter((purpose) => purpose.id !== 'kids-club');
      }),
    );
    const foreign = subjectStateFromEvents(smaller, [ev('consent-given', 1)]);
    const security = shop.purposes.index.get('security')!;
    expect(decide(shop, { purpose: 'security', categories: ['device-id'] }, foreign).reasons).toEqual([
      'deny.invalid-request',
    ]);
    expect(decideIndexed(shop, security, categoryMask(shop, ['device-id'])!, foreign).reasons).toEqual([
      'deny.invalid-request',
    ]);
    expect(decideIndexed(shop, security, categoryMask(shop, ['device-id'])!, subject).allowed).toBe(true);
  });

  it('categoryMask refuses unknown ids', () => {
    expect(categoryMask(shop, ['email', 'nope'])).toBeUndefined();
    expect(categoryMask(shop, ['email', 1])).toEqual(Uint32Array.of(0b11));
  });
});
