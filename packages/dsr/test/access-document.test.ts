import { describe, expect, it } from 'vitest';
import { accessDocument, type PackageCollection } from '../src/index.js';
import { exampleManifest } from './fixtures.js';

const manifest = exampleManifest('antsentry');
const meta = { requestId: 'req-1', generatedAt: new Date('2026-03-01T00:00:00Z'), identityKinds: ['email'] };
const rows = (categories: string[], n = 1): PackageCollection => ({
  dataset: 'app',
  collection: 'logins',
  datastore: 'sqlite',
  categories,
  rows: Array.from({ length: n }, (_, i) => ({ id: i })),
});

describe('the access document says, per category found, what the manifest says of it', () => {
  it('the IP address: its purposes with legal bases, recipients, retention, source and the transfers abroad with their safeguards', () => {
    const doc = accessDocument(manifest, meta, [rows(['ip-address'])], []);
    expect(doc.categories.map((c) => c.id)).toEqual(['ip-address']);
    const ip = doc.categories[0];
    if (!ip) throw new Error('no category');
    const declared = manifest.categories.find((c) => c.id === 'ip-address');
    expect(ip.source).toBe(declared?.source);
    expect(ip.purposes.map((p) => p.id).sort()).toEqual(
      manifest.purposes
        .filter((p) => p.categories.includes('ip-address'))
        .map((p) => p.id)
        .sort(),
    );
    expect(ip.purposes.every((p) => Object.keys(p.legalBasis).length > 0)).toBe(true);
    expect(ip.recipients.map((r) => r.id)).toContain('google-analytics');
    expect(ip.recipients.find((r) => r.id === 'google-analytics')).toMatchObject({ country: 'US' });
    expect(ip.retention.map((r) => r.rule).sort()).toEqual(
      manifest.retention.rules
        .filter((r) => r.categories.includes('ip-address'))
        .map((r) => r.id)
        .sort(),
    );
    expect(ip.retention.length).toBeGreaterThan(0);
    // A transfer naming the category, and those naming none (any category), with their mechanisms.
    expect(ip.transfers.map((t) => t.id).sort()).toEqual([
      'cross-border',
      'eea-outside',
      'google-analytics-us',
    ]);
    expect(ip.transfers.find((t) => t.id === 'google-analytics-us')).toMatchObject({
      to: 'US',
      recipients: ['google-analytics'],
      mechanisms: ['consent', 'scc'],
    });
    expect(JSON.stringify(ip.transfers.find((t) => t.id === 'eea-outside')?.description)).toContain('EEA');
    expect(ip.foundIn).toEqual(['app.logins']);
    expect(doc.storage).toEqual(manifest.transfers.storage);
  });

  it('a transfer limited to other categories is not listed; a category with no rows is left out', () => {
    const doc = accessDocument(manifest, meta, [rows(['ip-address'], 0), rows(['email'])], []);
    expect(doc.categories.map((c) => c.id)).toEqual(['email']);
    for (const c of doc.categories) {
      expect(c.transfers.map((t) => t.id)).not.toContain('google-analytics-us');
      expect(c.transfers.map((t) => t.id)).toEqual(expect.arrayContaining(['cross-border', 'eea-outside']));
    }
  });
});
