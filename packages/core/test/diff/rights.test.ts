import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import type { diffManifests } from '../../src/diff/index.js';
import type { ManifestInput } from '../../src/manifest/schema/index.js';
import { familyChanges } from './families.js';

const base = toManifest(baseInput());
const promising = edited((m) => {
  m.policy.changes = { noRightsReductionWithoutConsent: true };
});
const promisingEdit = (edit: (m: ManifestInput) => void) =>
  edited((m) => {
    m.policy.changes = { noRightsReductionWithoutConsent: true };
    edit(m);
  });
const summary = (changes: ReturnType<typeof diffManifests>) =>
  changes.map((c) => [c.code, c.path, c.message]);

describe('diffManifests: rights', () => {
  it('a removed right is material; with the no-reduction promise it needs express consent of all', () => {
    const removeErasure = (m: ManifestInput) => {
      m.rights!.splice(1, 1);
    };
    expect(familyChanges(base, edited(removeErasure))).toEqual([
      {
        code: 'right-removed',
        path: 'rights[1]',
        message: "right 'erasure' removed",
        material: true,
        needsConsent: false,
        consentFrom: 'none',
        affected: {},
      },
    ]);
    expect(familyChanges(promising, promisingEdit(removeErasure))).toMatchObject([
      { code: 'right-removed', needsConsent: true, consentFrom: 'all-subjects' },
    ]);
    expect(familyChanges(promising, promisingEdit(removeErasure))[0]?.message).toContain('express consent');
  });

  it('withdrawing the no-reduction promise itself needs consent of all', () => {
    expect(familyChanges(promising, base)).toMatchObject([
      {
        code: 'rights-promise-removed',
        path: 'policy.changes.noRightsReductionWithoutConsent',
        consentFrom: 'all-subjects',
      },
    ]);
  });

  it('a right narrowed to fewer jurisdictions is reduced', () => {
    const after = edited((m) => {
      m.rights![1]!.jurisdictions = ['eu-gdpr'];
    });
    expect(summary(familyChanges(base, after))).toEqual([
      [
        'right-reduced',
        'rights[1].jurisdictions',
        "right 'erasure' no longer granted everywhere (now only in eu-gdpr)",
      ],
    ]);
    const wider = edited((m) => {
      m.rights![2]!.jurisdictions = [];
    });
    expect(familyChanges(base, wider)).toEqual([]);
  });

  it('fewer channels, stricter verification or form and new conditions reduce a right', () => {
    const after = edited((m) => {
      const access = m.rights![0]!;
      access.channels = [];
      access.verification = 'documents';
      access.form = 'written';
      access.conditions = ['Only once a year'];
    });
    expect(summary(familyChanges(base, after)).map(([code, path]) => [code, path])).toEqual([
      ['right-reduced', 'rights[0].channels'],
      ['right-reduced', 'rights[0].verification'],
      ['right-reduced', 'rights[0].form'],
      ['right-reduced', 'rights[0].conditions'],
    ]);
  });

  it('longer deadlines: more time, no deadline, later clock, reply only, new extension', () => {
    const after = edited((m) => {
      m.rights![0]!.deadline = { amount: 45, unit: 'days', clockStart: 'verification', kind: 'reply' };
      m.rights![1]!.deadline = { amount: 15, unit: 'working-days', extension: { amount: 15 } };
    });
    expect(summary(familyChanges(base, after))).toEqual([
      ['deadline-longer', 'rights[0].deadline', "right 'access': deadline 1 months -> 45 days"],
      [
        'deadline-longer',
        'rights[0].deadline.clockStart',
        "right 'access': deadline clock now starts at verification (was receipt)",
      ],
      [
        'deadline-longer',
        'rights[0].deadline.kind',
        "right 'access': deadline now only covers a reply, not completion",
      ],
      [
        'deadline-longer',
        'rights[1].deadline.extension',
        "right 'erasure': deadline can now be extended by 15 working-days",
      ],
    ]);
    const none = edited((m) => {
      delete m.rights![1]!.deadline;
    });
    expect(summary(familyChanges(base, none))).toEqual([
      ['deadline-longer', 'rights[1].deadline', "right 'erasure': deadline of 15 working-days dropped"],
    ]);
    const shorter = edited((m) => {
      m.rights![0]!.deadline = { amount: 14, unit: 'days' };
    });
    expect(familyChanges(base, shorter)).toEqual([]);
  });

  it('a fee where requests were free, or fewer free requests', () => {
    const after = edited((m) => {
      m.rights![0]!.fee = { kind: 'free-first', freeRequestsPerYear: 2 };
    });
    expect(summary(familyChanges(base, after))).toEqual([
      ['fee-added', 'rights[0].fee', "right 'access': no longer free (free-first)"],
    ]);
    const fewer = edited((m) => {
      m.rights![0]!.fee = { kind: 'free-first', freeRequestsPerYear: 1 };
    });
    expect(summary(familyChanges(after, fewer))).toEqual([
      ['fee-added', 'rights[0].fee', "right 'access': free requests per year 2 -> 1"],
    ]);
    expect(familyChanges(fewer, base)).toEqual([]);
  });
});

describe('diffManifests: several entries of one right', () => {
  const twoAccess = (m: ManifestInput) => {
    m.rights!.push({ right: 'access', channels: ['support'], deadline: { amount: 15, unit: 'days' } });
  };
  it('matches entries of the same kind and scope by occurrence', () => {
    const before = edited(twoAccess);
    expect(familyChanges(before, edited(twoAccess))).toEqual([]);
    const after = edited((m) => {
      twoAccess(m);
      m.rights![3]!.deadline = { amount: 30, unit: 'days' };
    });
    expect(familyChanges(before, after).map((c) => [c.code, c.path])).toEqual([
      ['deadline-longer', 'rights[3].deadline'],
    ]);
  });

  it('a dropped duplicate entry reports the channels only it offered', () => {
    expect(summary(familyChanges(edited(twoAccess), base))).toEqual([
      ['right-reduced', 'rights[0].channels', "right 'access': channels 'support' removed"],
    ]);
  });
});
