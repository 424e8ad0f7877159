import { getJurisdiction } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { hasBit } from '../src/bitset.js';
import {
  CONSENT_MODE_CODES,
  JURISDICTION_SLOTS,
  jurisdictionSlot,
  LEGAL_BASIS_CODES,
  SLOT_COUNT,
} from '../src/codes.js';
import { compilePolicy } from '../src/compile.js';
import { shopManifest } from './fixture.js';
import { shop } from './helpers.js';

const slot = (key: string) => JURISDICTION_SLOTS.indexOf(key as never);
const at = (purpose: string, key: string) => shop.purposes.index.get(purpose)! * SLOT_COUNT + slot(key);
const cat = (id: string) => shop.categories.index.get(id)!;

describe('jurisdiction slots', () => {
  it('gives every supported jurisdiction its slot, 0 when unknown and -1 when unsupported', () => {
    JURISDICTION_SLOTS.forEach((key, i) => {
      expect(jurisdictionSlot(key)).toBe(i);
    });
    expect(jurisdictionSlot(undefined)).toBe(0);
    expect(jurisdictionSlot('xx-law')).toBe(-1);
  });
});

describe('compilePolicy', () => {
  it('indexes ids in manifest order and exposes the policy version', () => {
    expect(shop.version).toBe('2.0');
    expect(shop.id).toBe('acme-shop');
    expect(shop.purposes.ids).toEqual([
      'security',
      'account',
      'newsletter',
      'ads',
      'analytics',
      'health-tips',
      'kids-club',
    ]);
    expect(shop.categories.index.get('health')).toBe(3);
    expect(shop.recipients.index.get('stats')).toBe(3);
    expect(shop.categoryWords).toBe(1);
  });

  it('freezes the policy and its tables of ids', () => {
    expect(Object.isFrozen(shop)).toBe(true);
    expect(Object.isFrozen(shop.purposes.ids)).toBe(true);
    expect(Object.isFrozen(shop.purpose)).toBe(true);
    expect(Object.isFrozen(shop.transfers[0])).toBe(true);
  });

  it('stores the declared categories of each purpose as a bitset', () => {
    const newsletter = shop.purposes.index.get('newsletter')!;
    const declared = [...shop.categories.ids.keys()].filter((c) =>
      hasBit(shop.purpose.categories, newsletter * shop.categoryWords, c),
    );
    expect(declared.map((c) => shop.categories.ids[c])).toEqual(['email', 'name']);
  });

  it('resolves consent mode and legal basis per jurisdiction, falling back to the default', () => {
    const mode = (purpose: string, key: string) =>
      CONSENT_MODE_CODES[shop.purpose.consentMode[at(purpose, key)]!];
    const basis = (purpose: string, key: string) =>
      LEGAL_BASIS_CODES[shop.purpose.legalBasis[at(purpose, key)]!];
    expect(mode('ads', 'us-ca-ccpa')).toBe('opt-out');
    expect(mode('ads', 'eu-gdpr')).toBe('opt-in');
    expect(mode('ads', 'default')).toBe('opt-in');
    expect(basis('ads', 'us-ca-ccpa')).toBe('business-purpose');
    expect(basis('ads', 'cn-pipl')).toBe('consent');
    expect(mode('health-tips', 'cn-pipl')).toBe('separate');
  });

  it('takes sensitivity from the taxonomy unless the category overrides it', () => {
    const sensitive = (id: string) => hasBit(shop.category.sensitive, 0, cat(id));
    expect(sensitive('location')).toBe(true);
    expect(sensitive('health')).toBe(true);
    expect(sensitive('email')).toBe(false);
    expect(sensitive('order-notes')).toBe(true);
    const relaxed = compilePolicy(
      shopManifest((m) => {
        m.categories[3]!.sensitive = false;
      }),
    );
    expect(hasBit(relaxed.category.sensitive, 0, cat('health'))).toBe(false);
  });

  it('marks sale/share and tracking purposes', () => {
    const p = (id: string) => shop.purposes.index.get(id)!;
    expect(shop.purpose.saleShare[p('ads')]).toBe(1);
    expect(shop.purpose.saleShare[p('analytics')]).toBe(0);
    expect(shop.purpose.tracking[p('analytics')]).toBe(1);
    expect(shop.purpose.tracking[p('account')]).toBe(0);
  });

  it('compiles recipients: purposes, categories, missing contracts and country', () => {
    const r = (id: string) => shop.recipients.index.get(id)!;
    expect(shop.recipient.contractMissing[r('adnet')]).toBe(1);
    expect(shop.recipient.missingContracts[r('adnet')]).toEqual(['dpa']);
    expect(shop.recipient.contractMissing[r('mailer')]).toBe(0);
    expect(shop.recipient.consentRequired[r('stats')]).toBe(1);
    expect(shop.recipient.country[r('cn-courier')]).toBe('CN');
    expect(
      hasBit(
        shop.recipient.purposes,
        r('mailer') * shop.purposeWords,
        shop.purposes.index.get('newsletter')!,
      ),
    ).toBe(true);
  });

  it('takes minors ages and signal rules per jurisdiction from the manifest and the law', () => {
    const pipl = getJurisdiction('cn-pipl')!;
    expect(shop.jurisdiction.barredBelow[slot('eu-gdpr')]).toBe(13);
    expect(shop.jurisdiction.guardianBelow[slot('cn-pipl')]).toBe(18);
    expect(shop.jurisdiction.guardianBelow[slot('eu-gdpr')]).toBe(0);
    expect(shop.jurisdiction.digitalConsentAge[slot('cn-pipl')]).toBe(pipl.minors.digitalConsentAge.value);
    expect(shop.jurisdiction.gpc[slot('us-ca-ccpa')]).toBe(
      getJurisdiction('us-ca-ccpa')!.signals.gpc.value ? 1 : 0,
    );
    expect(shop.jurisdiction.gpc[slot('eu-gdpr')]).toBe(0);
    // Unknown jurisdiction: the strictest of the laws the policy addresses, and every minors rule.
    expect(shop.jurisdiction.guardianBelow[0]).toBe(18);
    expect(shop.jurisdiction.gpc[0]).toBe(1);
  });

  it('binds the China localisation rule to PIPL subjects and to subjects of unknown jurisdiction', () => {
    expect(shop.localisations).toHaveLength(1);
    expect(shop.jurisdiction.localisations[slot('cn-pipl')]).toEqual([0]);
    expect(shop.jurisdiction.localisations[slot('eu-gdpr')]).toEqual([]);
    expect(shop.jurisdiction.localisations[0]).toEqual([0]);
    expect(shop.jurisdiction.home[slot('eu-gdpr')]!.has('FR')).toBe(true);
    expect(shop.jurisdiction.home[slot('eu-gdpr')]!.has('US')).toBe(false);
  });

  it('turns a GPC-honouring manifest into GPC rules everywhere', () => {
    const honours = compilePolicy(
      shopManifest((m) => {
        m.signals = { doNotTrack: false, globalPrivacyControl: true };
      }),
    );
    expect([...honours.jurisdiction.gpc]).toEqual(new Array(SLOT_COUNT).fill(1));
  });
});
