import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { familyChanges } from './families.js';

const base = toManifest(baseInput());

describe('diffManifests: transfers and localisation', () => {
  it('a transfer on SCCs from the EU is material without consent', () => {
    const after = edited((m) => {
      m.transfers!.transfers!.push({
        id: 'support-in',
        from: 'DE',
        to: 'IN',
        categories: ['name'],
        mechanisms: ['scc'],
      });
    });
    expect(familyChanges(base, after)).toEqual([
      {
        code: 'transfer-added',
        path: 'transfers.transfers[1]',
        message: "transfer 'support-in' to IN added",
        material: true,
        needsConsent: false,
        consentFrom: 'none',
        affected: { recipients: [], categories: ['name'] },
      },
    ]);
  });

  it('a transfer resting on consent needs it from the subjects of its categories', () => {
    const after = edited((m) => {
      m.transfers!.transfers!.push({
        id: 'x',
        from: 'DE',
        to: 'BR',
        categories: ['email'],
        mechanisms: ['consent'],
      });
    });
    expect(familyChanges(base, after)[0]).toMatchObject({
      needsConsent: true,
      consentFrom: 'subjects-of-category',
    });
  });

  it('a transfer out of China under PIPL needs separate consent from all subjects there', () => {
    const after = edited((m) => {
      m.transfers!.transfers!.push({
        id: 'cn-out',
        from: 'CN',
        to: 'SG',
        mechanisms: ['pipl-standard-contract'],
      });
    });
    expect(familyChanges(base, after)[0]).toMatchObject({
      consentFrom: 'all-subjects',
      affected: { jurisdictions: ['cn-pipl'] },
    });
  });

  it('a new destination or more categories for an existing transfer count as added', () => {
    const after = edited((m) => {
      m.transfers!.transfers![0]!.to = 'CA';
    });
    expect(familyChanges(base, after)[0]?.message).toBe("transfer 'hosting-us' now goes to CA (was US)");
    const scoped = edited((m) => {
      m.transfers!.transfers![0]!.categories = ['email'];
    });
    const widened = edited((m) => {
      m.transfers!.transfers![0]!.categories = ['email', 'orders'];
    });
    expect(familyChanges(scoped, widened)[0]?.message).toBe("transfer 'hosting-us' now also covers 'orders'");
    expect(familyChanges(scoped, base)[0]?.message).toBe("transfer 'hosting-us' now covers every category");
    expect(familyChanges(base, scoped)).toEqual([]);
  });

  it('a new storage country is a transfer', () => {
    const after = edited((m) => {
      m.transfers!.storage = ['DE', 'US'];
    });
    expect(familyChanges(base, after)).toMatchObject([
      {
        code: 'transfer-added',
        path: 'transfers.storage[1]',
        message: 'personal data now also stored in US',
      },
    ]);
  });

  it('localisation removed, narrowed, or given new exceptions', () => {
    const removed = edited((m) => {
      m.transfers!.localisation = [];
    });
    expect(familyChanges(base, removed)).toMatchObject([
      {
        code: 'localisation-removed',
        path: 'transfers.localisation[0]',
        message: 'data no longer has to stay in CN',
      },
    ]);
    const narrowed = edited((m) => {
      m.transfers!.localisation![0]!.categories = ['orders'];
    });
    expect(familyChanges(base, narrowed)[0]?.message).toBe("only 'orders' still have to stay in CN");
    const excepted = edited((m) => {
      m.transfers!.localisation![0]!.exceptions = ['Where the user travels abroad'];
    });
    expect(familyChanges(base, excepted)[0]?.message).toBe('1 new exception(s) to keeping data in CN');
  });
});
