import { JurisdictionKey, LEDGER_EVENT_TYPES, type ManifestInput } from '@pledge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../src/compile.js';
import { categoryMask, type DecisionRequest, decide, decideIndexed } from '../src/decide.js';
import type { Decision } from '../src/outcome.js';
import type { CompiledPolicy } from '../src/policy.js';
import { type SubjectEvent, subjectStateFromEvents } from '../src/subject-events.js';
import { shopManifest } from './fixture.js';
import { ev, shop, t } from './helpers.js';
import { referenceDecide, referenceDecideIndexed } from './reference/rules.js';
import { referenceSubject } from './reference/subject.js';

/**
 * The engine reads a packed subject and precomputed tables; these properties check it
 * against a plain implementation of the same rules over the unpacked state, on random
 * ledger histories and requests.
 */

const TAXONOMY = [
  'user.contact.email',
  'user.device.cookie_id',
  'user.health',
  'user.location.precise',
  'user.behavior.browsing_history',
  'user.content',
];

/** The shop with 40 more categories (two-word masks, bit 31 in use), used by purposes, trackers and recipients. */
const wide = compilePolicy(
  shopManifest((input: ManifestInput) => {
    const extra = Array.from({ length: 40 }, (_, i) => `c${i}`);
    extra.forEach((id, i) => {
      input.categories.push({
        id,
        taxonomy: TAXONOMY[i % TAXONOMY.length]!,
        name: id,
        source: 'automatic',
        ...(i % 7 === 3 ? { sensitive: true } : {}),
      });
    });
    input.purposes.forEach((purpose, p) => {
      purpose.categories = [...purpose.categories, ...extra.filter((_, i) => (i + p) % 3 === 0)];
    });
    input.trackers?.push({
      id: 'pixel',
      name: 'Pixel',
      kind: 'pixel',
      party: 'third',
      purposes: ['newsletter', 'health-tips'],
      categories: ['c24', 'c25', 'c31'],
    });
    const adnet = input.recipients?.find((recipient) => recipient.id === 'adnet');
    if (adnet) adnet.categories = [...(adnet.categories ?? []), ...extra.slice(20)];
  }),
);

function arbitraries(policy: CompiledPolicy) {
  const purposeIds = [...policy.purposes.ids];
  const categoryIds = [...policy.categories.ids];
  const event: fc.Arbitrary<SubjectEvent> = fc.record(
    {
      type: fc.constantFrom<SubjectEvent['type']>(...LEDGER_EVENT_TYPES),
      at: fc.oneof(fc.integer({ min: 0, max: 100 }).map(t), fc.constant('not a time')),
      purposes: fc.subarray(purposeIds, { maxLength: 3 }),
      categories: fc.subarray(categoryIds, { maxLength: 3 }),
      mode: fc.constantFrom('implied' as const, 'opt-in' as const, 'separate' as const),
      signal: fc.constantFrom('gpc' as const, 'dnt' as const),
      value: fc.boolean(),
      policyVersion: fc.constantFrom('1.0', '2.0'),
    },
    { requiredKeys: ['type', 'at'] },
  );
  const subject = fc.record({
    events: fc.array(event, { maxLength: 14 }),
    jurisdiction: fc.option(fc.constantFrom<string>(...JurisdictionKey.options, 'mars'), { nil: undefined }),
    age: fc.option(fc.oneof(fc.integer({ min: 5, max: 40 }), fc.constantFrom(12.5, 15.9, -1)), {
      nil: undefined,
    }),
    gpc: fc.boolean(),
    dnt: fc.boolean(),
    stale: fc.boolean(),
  });
  const request = fc.record(
    {
      purpose: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...purposeIds) },
        { weight: 1, arbitrary: fc.constant('unknown-purpose') },
      ),
      categories: fc.oneof(fc.subarray(categoryIds, { maxLength: 4 }), fc.constant(['email', 'unknown'])),
      recipient: fc.constantFrom(...policy.recipients.ids, 'unknown-recipient'),
      jurisdiction: fc.constantFrom<string>(...JurisdictionKey.options, 'mars'),
      destinationCountry: fc.constantFrom('DE', 'fr', 'US', 'CN', 'JP', 'X1'),
    },
    { requiredKeys: ['purpose', 'categories'] },
  );
  return { subject, request };
}

type SubjectCase = ReturnType<typeof arbitraries>['subject'] extends fc.Arbitrary<infer T> ? T : never;

function options(c: SubjectCase) {
  return {
    jurisdiction: c.jurisdiction as JurisdictionKey | undefined,
    age: c.age,
    gpc: c.gpc,
    dnt: c.dnt,
    needsRenewal: c.stale ? (version: string) => version === '1.0' : undefined,
  };
}

describe('decide equals the reference rules on every small request', () => {
  it('covers every purpose × pair of categories, so the decision caches see many keys and collisions', () => {
    const events = [
      ev('policy-accepted', 1),
      ev('consent-given', 2, { mode: 'separate' }),
      ev('objection', 3, { purposes: ['security'] }),
    ];
    const categories = wide.categories.ids.length;
    let checked = 0;
    for (const jurisdiction of ['eu-gdpr', 'cn-pipl', 'us-ca-ccpa'] as const) {
      for (const age of [undefined, 15]) {
        const state = subjectStateFromEvents(wide, events, { jurisdiction, age });
        const ref = referenceSubject(wide, events, { jurisdiction, age });
        for (let p = 0; p < wide.purposes.ids.length; p++) {
          for (let a = 0; a < categories; a++) {
            for (let b = a; b < categories; b++) {
              const mask = categoryMask(wide, [a, b])!;
              const got = decideIndexed(wide, p, mask, state);
              const want = referenceDecideIndexed(wide, p, mask, ref);
              if (got.allowed !== want.allowed || !sameDecision(got, want)) {
                expect({ p, a, b, jurisdiction, age, got }).toEqual({
                  p,
                  a,
                  b,
                  jurisdiction,
                  age,
                  got: want,
                });
              }
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(6 * wide.purposes.ids.length * ((categories * (categories + 1)) / 2));
  });
});

function sameDecision(a: Decision, b: Decision): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe.each([
  ['the shop (one-word masks)', shop],
  ['the wide shop (two-word masks)', wide],
])('decide equals the reference rules: %s', (_, policy) => {
  const { subject, request } = arbitraries(policy);

  it('decide answers as the reference for the same events and request', () => {
    fc.assert(
      fc.property(subject, request, (s, r) => {
        const state = subjectStateFromEvents(policy, s.events, options(s));
        const expected = referenceDecide(
          policy,
          r as DecisionRequest,
          referenceSubject(policy, s.events, options(s)),
        );
        expect(decide(policy, r as DecisionRequest, state)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('decideIndexed answers as the reference', () => {
    fc.assert(
      fc.property(
        subject,
        request,
        fc.constantFrom(-1, 0, 1, 99),
        fc.boolean(),
        (s, r, recipient, override) => {
          const p = policy.purposes.index.get(r.purpose);
          const mask = categoryMask(policy, r.categories);
          fc.pre(p !== undefined && mask !== undefined);
          const jurisdiction = override ? (r.jurisdiction as JurisdictionKey) : undefined;
          const destination = r.destinationCountry?.toUpperCase();
          const state = subjectStateFromEvents(policy, s.events, options(s));
          const ref = referenceSubject(policy, s.events, options(s));
          expect(decideIndexed(policy, p!, mask!, state, recipient, jurisdiction, destination)).toEqual(
            referenceDecideIndexed(policy, p!, mask!, ref, recipient, jurisdiction, destination),
          );
          expect(decideIndexed(policy, p!, mask!, state)).toEqual(
            referenceDecideIndexed(policy, p!, mask!, ref),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the packed state reads back as the reference state', () => {
    fc.assert(
      fc.property(subject, (s) => {
        const state = subjectStateFromEvents(policy, s.events, options(s));
        const ref = referenceSubject(policy, s.events, options(s));
        expect({
          jurisdiction: state.jurisdiction,
          age: state.age,
          consents: state.consents,
          withdrawn: state.withdrawn,
          guardianConsent: state.guardianConsent,
          objections: state.objections,
          optedOut: state.optedOut,
          restrictedPurposes: state.restrictedPurposes,
          restrictedCategories: state.restrictedCategories,
          restrictedAll: state.restrictedAll,
          policyAcceptance: state.policyAcceptance,
          gpc: state.gpc,
          dnt: state.dnt,
        }).toEqual(ref);
      }),
      { numRuns: 200 },
    );
  });
});
