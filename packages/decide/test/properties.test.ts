import { JurisdictionKey, LEDGER_EVENT_TYPES } from '@pledge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryMask, type DecisionRequest, decide, decideIndexed } from '../src/decide.js';
import type { Decision } from '../src/outcome.js';
import { type SubjectEvent, subjectStateFromEvents } from '../src/subject-events.js';
import type { SubjectState } from '../src/subject-state.js';
import { shopManifest } from './fixture.js';
import { shop, t } from './helpers.js';

const purposeIds = [...shop.purposes.ids];
const categoryIds = [...shop.categories.ids];

const eventArb: fc.Arbitrary<SubjectEvent> = fc.record(
  {
    type: fc.constantFrom<SubjectEvent['type']>(...LEDGER_EVENT_TYPES),
    at: fc.integer({ min: 0, max: 100 }).map(t),
    purposes: fc.subarray(purposeIds),
    categories: fc.subarray(categoryIds, { maxLength: 2 }),
    mode: fc.constantFrom('implied' as const, 'opt-in' as const, 'separate' as const),
    signal: fc.constantFrom('gpc' as const, 'dnt' as const),
    value: fc.boolean(),
    policyVersion: fc.constantFrom('1.0', '2.0'),
  },
  { requiredKeys: ['type', 'at'] },
);

const declared = new Map(shopManifest().purposes.map((purpose) => [purpose.id, purpose.categories]));

/** Mostly categories the purpose declares (so the other rules get exercised), sometimes any. */
const requestArb = fc.constantFrom(...purposeIds, 'unknown-purpose').chain((purpose) =>
  fc.record(
    {
      purpose: fc.constant(purpose),
      categories: fc.oneof(
        { weight: 4, arbitrary: fc.subarray(declared.get(purpose) ?? categoryIds) },
        { weight: 1, arbitrary: fc.subarray(categoryIds, { maxLength: 4 }) },
      ),
      recipient: fc.constantFrom(...shop.recipients.ids),
      jurisdiction: fc.constantFrom(...JurisdictionKey.options),
      destinationCountry: fc.constantFrom('DE', 'FR', 'US', 'CN', 'JP'),
    },
    { requiredKeys: ['purpose', 'categories'] },
  ),
);

const caseArb = fc.record({
  events: fc.array(eventArb, { maxLength: 12 }),
  request: requestArb,
  jurisdiction: fc.option(fc.constantFrom(...JurisdictionKey.options), { nil: undefined }),
  age: fc.option(fc.integer({ min: 5, max: 40 }), { nil: undefined }),
  stale: fc.boolean(),
});

type Case = {
  events: SubjectEvent[];
  request: DecisionRequest & { purpose: string; categories: string[] };
  jurisdiction: JurisdictionKey | undefined;
  age: number | undefined;
  stale: boolean;
};

function build(c: Case, extra: SubjectEvent[] = []): SubjectState {
  return subjectStateFromEvents(shop, [...c.events, ...extra], {
    jurisdiction: c.jurisdiction,
    age: c.age,
    needsRenewal: c.stale ? (version) => version === '1.0' : undefined,
  });
}

const later = (type: SubjectEvent['type'], extra: Partial<SubjectEvent> = {}): SubjectEvent => ({
  type,
  at: t(1000),
  ...extra,
});

const plain = (decision: Decision) => JSON.parse(JSON.stringify(decision));

describe('decide: properties', () => {
  it('decisions are deterministic', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const first = decide(shop, c.request, build(c));
        expect(decide(shop, c.request, build(c))).toEqual(first);
        expect(decide(shop, c.request, build(c))).toEqual(first);
      }),
    );
  });

  it('withdrawing consent never turns a deny into an allow', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, all) => {
        const before = decide(shop, c.request, build(c));
        const withdrawal = later('consent-withdrawn', all ? {} : { purposes: [c.request.purpose] });
        const after = decide(shop, c.request, build(c, [withdrawal]));
        if (!before.allowed) expect(after.allowed).toBe(false);
      }),
    );
  });

  it('a later separate consent for the purpose never turns an allow into a deny', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const before = decide(shop, c.request, build(c));
        const consent = later('consent-given', { purposes: [c.request.purpose], mode: 'separate' });
        const after = decide(shop, c.request, build(c, [consent]));
        if (before.allowed) expect(after.allowed).toBe(true);
      }),
    );
  });

  it('a restriction always denies', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, whole) => {
        const restriction = later('restriction', whole ? {} : { purposes: [c.request.purpose] });
        const decision = decide(shop, c.request, build(c, [restriction]));
        expect(decision.allowed).toBe(false);
        if (shop.purposes.index.has(c.request.purpose)) expect(decision.reasons).toContain('deny.restricted');
      }),
    );
  });

  it('deciding by ids equals deciding by indexes and by the indexed fast path', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const subject = build(c);
        const byIds = decide(shop, c.request, subject);
        const p = shop.purposes.index.get(c.request.purpose);
        fc.pre(p !== undefined);
        const categories = c.request.categories.map((id) => shop.categories.index.get(id)!);
        const recipient =
          c.request.recipient === undefined ? undefined : shop.recipients.index.get(c.request.recipient);
        const byIndexes = decide(shop, { ...c.request, purpose: p!, categories, recipient }, subject);
        const fast = decideIndexed(
          shop,
          p!,
          categoryMask(shop, categories)!,
          subject,
          recipient ?? -1,
          c.request.jurisdiction,
          c.request.destinationCountry,
        );
        expect(plain(byIndexes)).toEqual(plain(byIds));
        expect(plain(fast)).toEqual(plain(byIds));
      }),
    );
  });

  it('reasons match the outcome: ok.* when allowed, deny.* and no obligations when denied', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const decision = decide(shop, c.request, build(c));
        expect(decision.reasons.length).toBeGreaterThan(0);
        const prefix = decision.allowed ? 'ok.' : 'deny.';
        for (const reason of decision.reasons) expect(reason.startsWith(prefix)).toBe(true);
        if (!decision.allowed) expect(decision.obligations).toEqual([]);
      }),
    );
  });

  it('never throws, whatever the request, subject or events', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.array(fc.anything(), { maxLength: 5 }),
        (request, subject, events) => {
          const built = subjectStateFromEvents(shop, events as SubjectEvent[]);
          expect(typeof decide(shop, request as DecisionRequest, built).allowed).toBe('boolean');
          expect(typeof decide(shop, request as DecisionRequest, subject as SubjectState).allowed).toBe(
            'boolean',
          );
        },
      ),
    );
    fc.assert(
      fc.property(requestArb, fc.anything(), (request, subject) => {
        const decision = decide(shop, request, subject as SubjectState);
        expect(decision.allowed).toBe(false);
        expect(decision.reasons).toContain('deny.invalid-request');
      }),
    );
  });
});
