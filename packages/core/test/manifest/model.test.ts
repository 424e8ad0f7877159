import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/manifest/load.js';
import {
  buildModel,
  canonicalSource,
  keyFor,
  overridesOf,
  PROMISE_FIELDS,
  retentionActions,
  runtimeDefault,
  stated,
  valueFor,
} from '../../src/manifest/model/index.js';

describe('buildModel', () => {
  const model = buildModel(toManifest(baseInput()));

  it('maps ids to entries, the first of a repeated id winning', () => {
    expect(model.categories.get('email')?.taxonomy).toBe('user.contact.email');
    expect(model.purposes.get('analytics')?.id).toBe('analytics');
    expect(model.contacts.get('privacy-mail')?.kind).toBe('email');
    const twice = buildModel(
      edited((m) => {
        m.categories.push({ id: 'email', taxonomy: 'user.name', name: 'Again', source: 'voluntary' });
      }),
    );
    expect(twice.categories.get('email')?.taxonomy).toBe('user.contact.email');
  });

  it('gives the value of a per-jurisdiction field: the override, else the default', () => {
    const basis = model.purposes.get('analytics')?.legalBasis;
    if (!basis) throw new Error('no analytics purpose');
    expect(model.valueFor(basis, 'cn-pipl')).toBe('consent');
    expect(valueFor(basis, 'eu-gdpr')).toBe('legitimate-interests');
    expect(keyFor(basis, 'cn-pipl')).toBe('cn-pipl');
    expect(keyFor(basis, 'eu-gdpr')).toBe('default');
    expect(overridesOf(basis)).toEqual([['cn-pipl', 'consent']]);
  });

  it('resolves sensitivity: the manifest flag, then the jurisdiction list, then the taxonomy', () => {
    expect(model.sensitivityOf('location')).toBe(true);
    expect(model.sensitivityOf('email')).toBe(false);
    expect(model.sensitivityOf('no-such-category')).toBe(false);
    const pipl = model.jurisdictions.find((j) => j.key === 'cn-pipl');
    expect(pipl).toBeDefined();
    expect(model.sensitivityOf('location', pipl)).toBe(true);
  });

  it('inherits taxonomy from ancestors', () => {
    expect(model.taxonomyOf('category', 'email')).toEqual({
      key: 'user.contact.email',
      ancestors: ['user.contact', 'user'],
    });
    expect(model.taxonomyOf('purpose', 'newsletter')?.ancestors).toContain('marketing');
    expect(model.isUnder('marketing.communications.email', 'marketing', 'purpose')).toBe(true);
    expect(model.taxonomyOf('category', 'nope')).toBeUndefined();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(model)).toBe(true);
  });
});

describe('stated', () => {
  it('tells a promise-like field left out from one stated', () => {
    const silent = edited((m) => {
      m.signals = {};
    });
    expect(stated(silent, 'signals.globalPrivacyControl')).toBe(false);
    expect(buildModel(silent).stated('signals.globalPrivacyControl')).toBe(false);
    const said = edited((m) => {
      m.signals = { globalPrivacyControl: false };
    });
    expect(stated(said, 'signals.globalPrivacyControl')).toBe(true);
    expect(stated(said, 'trackers[0].id')).toBe(true);
    expect(stated(said, 'trackers[9].id')).toBe(false);
  });

  it('lists a run-time default for every promise-like field', () => {
    for (const field of PROMISE_FIELDS) expect(field.runtime, field.path).toBeDefined();
    expect(runtimeDefault('signals.globalPrivacyControl')).toBe(true);
    expect(runtimeDefault('retention.rules[].action')).toBe('delete');
  });
});

describe('retention actions', () => {
  it('takes one action or several, and keeps old manifests valid', () => {
    const both = edited((m) => {
      const rule = m.retention?.rules?.[0];
      if (rule) rule.action = ['delete', 'anonymise'];
    });
    expect(retentionActions(both.retention.rules[0] ?? {})).toEqual(['delete', 'anonymise']);
    expect(retentionActions({ action: 'restrict' })).toEqual(['restrict']);
    expect(retentionActions({})).toEqual(['delete']);
  });
});

describe('canonicalSource', () => {
  const yaml = (extra: string) =>
    `pledge: 1
policy: { id: p, title: T, version: '1', jurisdictions: [eu-gdpr]${extra} }
controller: { name: C, contacts: [{ id: m, kind: email, value: a@b.test }] }
categories: [{ id: email, taxonomy: user.contact.email, name: Email, source: voluntary }]
purposes: [{ id: s, taxonomy: essential.service, name: S, categories: [email], legalBasis: contract, consent: none }]
`;
  const canonical = (text: string) => {
    const result = parseManifest(text);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return canonicalSource(result.manifest);
  };

  it('leaves out what the schema fills in, so stating a default changes nothing', () => {
    const plain = canonical(yaml(''));
    expect(plain).toEqual(canonical(yaml(', languages: [en], useMeansAcceptance: no')));
    expect(JSON.stringify(plain)).not.toContain('useMeansAcceptance');
    expect(plain).not.toHaveProperty('signals');
    expect(plain).not.toHaveProperty('retention');
  });

  it('keeps what the manifest states', () => {
    expect(canonical(yaml(', useMeansAcceptance: any-use'))).not.toEqual(canonical(yaml('')));
  });
});
