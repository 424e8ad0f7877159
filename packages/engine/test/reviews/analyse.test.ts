import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopManifest } from '../../../decide/test/fixture.js';
import {
  analyseAccesses,
  DEFAULT_WORKING_HOURS,
  type ReviewedAccess,
  volumeThreshold,
  withinWorkingHours,
  workingHoursFor,
} from '../../src/index.js';

const period = { from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-02-02T00:00:00Z') };

/** A weekday in the period at a given UTC hour (5 January 2026 is a Monday). */
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, 5 + day, hour, 0));

const access = (over: Partial<ReviewedAccess> & { actor?: ReviewedAccess['actor'] }): ReviewedAccess => ({
  actor: { kind: 'user', id: 'u-ann' },
  action: 'ledger-read',
  subject: 'sh-1',
  categories: ['contact'],
  at: at(0, 10),
  count: 1,
  ...over,
});

describe('analyseAccesses', () => {
  it('flags the actor whose volume stands out, and no other', () => {
    const accesses = [
      ...['u-ann', 'u-bob', 'u-cy', 'u-dee'].map((id) => access({ actor: { kind: 'user', id }, count: 30 })),
      access({ actor: { kind: 'user', id: 'u-eve' }, count: 400 }),
    ];
    const analysis = analyseAccesses(period, accesses);
    const outliers = analysis.findings.filter((f) => f.code === 'review.volume-outlier');
    expect(outliers).toEqual([
      {
        code: 'review.volume-outlier',
        actor: { kind: 'user', id: 'u-eve' },
        count: 400,
        median: 30,
        threshold: 90,
      },
    ]);
  });

  it('flags lookups that name no open request, grouped per actor and subject', () => {
    const analysis = analyseAccesses(
      period,
      [
        access({ action: 'subject-lookup', subject: 'sh-1', at: at(1, 9) }),
        access({ action: 'subject-lookup', subject: 'sh-1', at: at(2, 9), count: 2 }),
        access({ action: 'subject-lookup', subject: 'sh-2', requestId: 'req-open' }),
        access({ action: 'subject-lookup', subject: 'sh-3', requestId: 'req-closed' }),
      ],
      { openRequests: new Set(['req-open']) },
    );
    expect(analysis.findings.filter((f) => f.code === 'review.lookup-without-request')).toEqual([
      {
        code: 'review.lookup-without-request',
        actor: { kind: 'user', id: 'u-ann' },
        subject: 'sh-1',
        count: 3,
        first: at(1, 9).toISOString(),
        last: at(2, 9).toISOString(),
      },
      {
        code: 'review.lookup-without-request',
        actor: { kind: 'user', id: 'u-ann' },
        subject: 'sh-3',
        count: 1,
        first: at(0, 10).toISOString(),
        last: at(0, 10).toISOString(),
      },
    ]);
  });

  it('flags access at night and at weekends in the working hours time zone', () => {
    const night = at(0, 22);
    const saturday = at(5, 11);
    const analysis = analyseAccesses(period, [access({ at: night }), access({ at: saturday }), access({})]);
    expect(analysis.findings).toEqual([
      {
        code: 'review.outside-hours',
        actor: { kind: 'user', id: 'u-ann' },
        count: 2,
        first: night.toISOString(),
        last: saturday.toISOString(),
      },
    ]);
    // 10:00 UTC is 18:00 in Shanghai: the end of the working day there.
    const shanghai = { ...DEFAULT_WORKING_HOURS, timeZone: 'Asia/Shanghai' };
    expect(withinWorkingHours(at(0, 9), shanghai)).toBe(true);
    expect(withinWorkingHours(at(0, 10), shanghai)).toBe(false);
  });

  it('takes the working hours zone from the policy jurisdictions', () => {
    const manifest = shopManifest();
    const zone = workingHoursFor(manifest).timeZone;
    expect(typeof zone).toBe('string');
    expect(
      workingHoursFor({ ...manifest, policy: { ...manifest.policy, jurisdictions: ['cn-pipl'] } }).timeZone,
    ).toBe('Asia/Shanghai');
  });

  it('ignores accesses outside the period and sums counts in the summary', () => {
    const analysis = analyseAccesses(period, [
      access({ count: 4 }),
      access({ at: period.to, count: 100 }),
      access({ action: 'export', subject: 'sh-2', count: 2 }),
    ]);
    expect(analysis.summary).toEqual({
      entries: 2,
      accesses: 6,
      actors: 1,
      subjects: 2,
      byAction: { export: 2, 'ledger-read': 4 },
      findings: { 'review.volume-outlier': 0, 'review.lookup-without-request': 0, 'review.outside-hours': 0 },
    });
    expect(analysis.reviewedActors).toEqual([{ kind: 'user', id: 'u-ann' }]);
  });

  it('never flags volumes below the minimum, however uneven', () => {
    expect(volumeThreshold([1, 1, 1, 15], { madFactor: 3, medianMultiple: 3, minimum: 20 })).toBe(19);
  });
});

const actorArb = fc.record({
  kind: fc.constantFrom('user', 'key'),
  id: fc.constantFrom('u-1', 'u-2', 'u-3', 'k-1', 'u-4', 'u-5'),
});
const accessArb: fc.Arbitrary<ReviewedAccess> = fc.record(
  {
    actor: actorArb,
    action: fc.constantFrom('subject-lookup', 'ledger-read', 'export', 'api-read'),
    subject: fc.constantFrom('sh-a', 'sh-b', 'sh-c'),
    categories: fc.constant(['contact']),
    requestId: fc.constantFrom('req-1', 'req-2'),
    at: fc.date({
      min: new Date('2025-12-20T00:00:00Z'),
      max: new Date('2026-02-10T00:00:00Z'),
      noInvalidDate: true,
    }),
    count: fc.integer({ min: 1, max: 500 }),
  },
  { requiredKeys: ['actor', 'action', 'categories', 'at', 'count'] },
);

describe('analyseAccesses properties', () => {
  const options = { openRequests: new Set(['req-1']) };

  it('findings never mention an actor or subject absent from the entries in the period', () => {
    fc.assert(
      fc.property(fc.array(accessArb, { maxLength: 60 }), (accesses) => {
        const analysis = analyseAccesses(period, accesses, options);
        const inPeriod = accesses.filter((a) => a.at >= period.from && a.at < period.to);
        const actors = new Set(inPeriod.map((a) => `${a.actor.kind}/${a.actor.id}`));
        const subjects = new Set(inPeriod.map((a) => a.subject));
        for (const finding of analysis.findings) {
          expect(actors.has(`${finding.actor.kind}/${finding.actor.id}`)).toBe(true);
          if (finding.code === 'review.lookup-without-request')
            expect(subjects.has(finding.subject)).toBe(true);
        }
      }),
    );
  });

  it('totals equal the entry counts, and outside-hours plus inside-hours counts equal the total', () => {
    fc.assert(
      fc.property(fc.array(accessArb, { maxLength: 60 }), (accesses) => {
        const analysis = analyseAccesses(period, accesses, options);
        const inPeriod = accesses.filter((a) => a.at >= period.from && a.at < period.to);
        const total = inPeriod.reduce((sum, a) => sum + a.count, 0);
        expect(analysis.summary.entries).toBe(inPeriod.length);
        expect(analysis.summary.accesses).toBe(total);
        expect(Object.values(analysis.summary.byAction).reduce((s, n) => s + n, 0)).toBe(total);
        const outside = analysis.findings
          .filter((f) => f.code === 'review.outside-hours')
          .reduce((sum, f) => sum + f.count, 0);
        const inside = inPeriod
          .filter((a) => withinWorkingHours(a.at, DEFAULT_WORKING_HOURS))
          .reduce((sum, a) => sum + a.count, 0);
        expect(outside + inside).toBe(total);
        for (const [code, count] of Object.entries(analysis.summary.findings)) {
          expect(analysis.findings.filter((f) => f.code === code).length).toBe(count);
        }
      }),
    );
  });

  it('is independent of the order of the entries', () => {
    fc.assert(
      fc.property(
        fc
          .array(accessArb, { maxLength: 40 })
          .chain((list) =>
            fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
          ),
        ([list, shuffled]) => {
          expect(analyseAccesses(period, shuffled, options)).toEqual(analyseAccesses(period, list, options));
        },
      ),
    );
  });

  it('an outlier is always above the median of the volumes', () => {
    fc.assert(
      fc.property(fc.array(accessArb, { maxLength: 60 }), (accesses) => {
        for (const finding of analyseAccesses(period, accesses).findings) {
          if (finding.code === 'review.volume-outlier') {
            expect(finding.count).toBeGreaterThan(finding.median);
            expect(finding.count).toBeGreaterThan(finding.threshold);
          }
        }
      }),
    );
  });
});
