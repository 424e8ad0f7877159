import { readFileSync } from 'node:fs';
import { type Issue, type Manifest, parseManifest } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { lintManifest } from '../src/index.js';

function load(example: string): { manifest: Manifest; issues: Issue[] } {
  const file = `examples/${example}/pledge.yaml`;
  const result = parseManifest(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'), {
    file,
  });
  if (!result.ok) throw new Error(`${file} does not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return { manifest: result.manifest, issues: lintManifest(result.manifest) };
}

/** Index of the entry with this id, so paths survive reordering of the seed manifests. */
function indexOf(list: ReadonlyArray<{ id: string }>, id: string): number {
  const index = list.findIndex((entry) => entry.id === id);
  if (index === -1) throw new Error(`no entry "${id}"`);
  return index;
}

const codes = (issues: Issue[]) => [...new Set(issues.map((issue) => issue.code))].sort();
const paths = (issues: Issue[], code: string) =>
  issues.filter((issue) => issue.code === code).map((issue) => issue.path);

describe('examples/antsentry (seed 000)', () => {
  const { manifest: m, issues } = load('antsentry');

  it('reports exactly these codes', () => {
    expect(codes(issues)).toEqual([
      'contact.placeholder',
      'dataset.unmapped-category',
      'minors.threshold-below-law',
      'pipl.disclosure-without-separate-consent',
      'pipl.sensitive-without-separate-consent',
      'pipl.transfer-without-mechanism',
      'pipl.transfer-without-separate-consent',
      'purpose.basis-contradicts-consent',
      'purpose.optional-contract-basis',
      'recipient.category-outside-purposes',
      'recipient.contract-missing',
      'recipient.missing-privacy-url',
      'ref.unknown-purpose',
      'retention.missing-duration',
      'rights.missing-deadline',
      'rights.missing-statutory-right',
      'rights.no-channel',
      'signals.dnt-with-advertising',
      'signals.opt-out-status-display',
      'transfer.unknown-destination',
    ]);
  });

  it('finds the cut-off e-mail address and the blank in-app channel', () => {
    const email = indexOf(m.controller.contacts, 'email');
    const settings = indexOf(m.controller.contacts, 'privacy-settings');
    expect(paths(issues, 'contact.placeholder')).toEqual([
      `controller.contacts[${email}].value`,
      `controller.contacts[${settings}].value`,
    ]);
  });

  it('finds marketing on a contract basis in the EEA while it requires consent', () => {
    expect(paths(issues, 'purpose.basis-contradicts-consent')).toEqual([
      `purposes[${indexOf(m.purposes, 'marketing-emails')}].legalBasis.eu-gdpr`,
    ]);
  });

  it('finds Do Not Track honoured alongside advertising trackers', () => {
    expect(paths(issues, 'signals.dnt-with-advertising')).toEqual(['signals.doNotTrack']);
  });

  it('finds the under-14 threshold below the GDPR age of 16', () => {
    const rule = m.minors.rules.findIndex((r) => r.below === 14);
    const found = issues.filter((issue) => issue.code === 'minors.threshold-below-law');
    expect(found.map((issue) => issue.path)).toEqual([`minors.rules[${rule}].below`]);
    expect(found[0]?.message).toContain('eu-gdpr');
  });

  it('finds rights with no deadline where a law sets one', () => {
    const missing = new Set(paths(issues, 'rights.missing-deadline'));
    m.rights.forEach((right, i) => {
      if (right.right === 'access' || right.right === 'erasure') expect(missing).toContain(`rights[${i}]`);
    });
  });

  it('finds the undeclared advertising purpose and sensitive data without separate consent', () => {
    expect(
      issues
        .filter((i) => i.code === 'ref.unknown-purpose')
        .every((i) => i.message.includes('"advertising"')),
    ).toBe(true);
    expect(paths(issues, 'pipl.sensitive-without-separate-consent')).toContain(
      `purposes[${indexOf(m.purposes, 'miner-monitoring')}].consent.default`,
    );
  });

  it('finds every retention rule without a duration', () => {
    expect(paths(issues, 'retention.missing-duration')).toEqual(
      m.retention.rules.map((_, i) => `retention.rules[${i}]`),
    );
  });
});

describe('examples/camera-app (seed 001)', () => {
  const { manifest: m, issues } = load('camera-app');

  it('reports exactly these codes', () => {
    expect(codes(issues)).toEqual([
      'category.unused',
      'contact.placeholder',
      'controller.placeholder',
      'dataset.unmapped-category',
      'permission.undeclared-purpose',
      'pipl.disclosure-without-separate-consent',
      'pipl.sensitive-without-separate-consent',
      'pipl.transfer-without-mechanism',
      'pipl.transfer-without-separate-consent',
      'policy.missing-date',
      'purpose.basis-contradicts-consent',
      'purpose.optional-contract-basis',
      'recipient.category-outside-purposes',
      'recipient.insecure-privacy-url',
      'recipient.missing-privacy-url',
      'recipient.no-collection-contradiction',
      'recipient.no-purpose',
      'ref.unknown-purpose',
      'retention.cessation-unstated',
      'retention.missing-duration',
      'rights.missing-statutory-right',
      'rights.no-channel',
      'tracker.third-party-without-recipient',
      'transfer.localisation-conflict',
      'transfer.unknown-destination',
    ]);
  });

  it('finds every published contact channel blank or a placeholder', () => {
    expect(paths(issues, 'contact.placeholder')).toContain(
      `controller.contacts[${indexOf(m.controller.contacts, 'privacy-email')}].value`,
    );
  });

  it('finds location for network setup on a contract basis, with consent that is not separate', () => {
    const config = indexOf(m.purposes, 'service-network-config');
    expect(paths(issues, 'purpose.basis-contradicts-consent')).toContain(
      `purposes[${config}].legalBasis.default`,
    );
    expect(paths(issues, 'pipl.sensitive-without-separate-consent')).toContain(
      `purposes[${config}].consent.default`,
    );
  });

  it('finds the BeiZi SDK declared as collecting nothing while listing data', () => {
    expect(paths(issues, 'recipient.no-collection-contradiction')).toEqual([
      `recipients[${indexOf(m.recipients, 'beizi-sdk')}].declaresNoCollection`,
    ]);
  });

  it('finds precise location requested for an undeclared advertising purpose', () => {
    const location = indexOf(m.permissions, 'android-access-fine-location');
    expect(
      paths(issues, 'permission.undeclared-purpose').some((p) =>
        p.startsWith(`permissions[${location}].purposes[`),
      ),
    ).toBe(true);
  });

  it('finds China data localised in China while a transfer elsewhere is declared', () => {
    expect(paths(issues, 'transfer.localisation-conflict')).toContain(
      `transfers.transfers[${indexOf(m.transfers.transfers, 'international-operations')}]`,
    );
  });
});

describe('examples/spacemit-site (seed 002)', () => {
  const { manifest: m, issues } = load('spacemit-site');

  it('reports exactly these codes', () => {
    expect(codes(issues)).toEqual([
      'breach.missing',
      'contact.placeholder',
      'dataset.unmapped-category',
      'pipl.disclosure-without-separate-consent',
      'pipl.transfer-without-separate-consent',
      'purpose.basis-not-valid-in-jurisdiction',
      'recipient.missing-privacy-url',
      'recipient.no-collection-contradiction',
      'retention.missing-duration',
      'rights.missing-statutory-right',
      'rights.no-channel',
      'transfer.localisation-conflict',
      'transfer.unknown-destination',
    ]);
  });

  it('finds the "[]" e-mail address, the Baidu contradiction, localisation and the missing breach promise', () => {
    expect(paths(issues, 'contact.placeholder')).toEqual([
      `controller.contacts[${indexOf(m.controller.contacts, 'email')}].value`,
    ]);
    expect(paths(issues, 'recipient.no-collection-contradiction')).toContain(
      `recipients[${indexOf(m.recipients, 'baidu-statistics')}].declaresNoCollection`,
    );
    expect(paths(issues, 'transfer.localisation-conflict')).toHaveLength(1);
    expect(paths(issues, 'breach.missing')).toEqual(['breach']);
  });
});

describe('seed findings', () => {
  it('never echo a contact value', () => {
    for (const example of ['antsentry', 'camera-app', 'spacemit-site']) {
      const { manifest, issues } = load(example);
      const values = manifest.controller.contacts.map((c) => c.value.trim()).filter((v) => v.length > 3);
      for (const issue of issues) for (const value of values) expect(issue.message).not.toContain(value);
    }
  });
});
