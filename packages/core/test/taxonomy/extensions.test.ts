import { describe, expect, it } from 'vitest';
import { createTaxonomy } from '../../src/taxonomy/index.js';

describe('createTaxonomy with manifest extensions', () => {
  it('attaches an extension under a built-in parent and inherits its sensitivity and DPV IRI', () => {
    const taxonomy = createTaxonomy({
      categories: [{ key: 'user.health.sleep_score', parent: 'user.health', name: { en: 'Sleep score' } }],
    });
    expect(taxonomy.issues).toEqual([]);
    const entry = taxonomy.get('category', 'user.health.sleep_score');
    expect(entry).toMatchObject({ parent: 'user.health', origin: 'manifest', dpvMatch: 'broader' });
    expect(entry?.dpv).toBe(taxonomy.get('category', 'user.health')?.dpv);
    expect(taxonomy.isSensitive('user.health.sleep_score')).toBe(true);
    expect(taxonomy.isUnder('user.health.sleep_score', 'user')).toBe(true);
  });

  it('lets `sensitive` override the inherited sensitivity both ways', () => {
    const taxonomy = createTaxonomy({
      categories: [
        { key: 'user.device.health_sensor', parent: 'user.device', name: 'Heart rate', sensitive: true },
        { key: 'user.health.step_count', parent: 'user.health', name: 'Steps', sensitive: false },
      ],
    });
    expect(taxonomy.isSensitive('user.device.health_sensor')).toBe(true);
    expect(taxonomy.sensitivity('user.health.step_count')).toBe('personal');
  });

  it('accepts an extension whose parent is another extension, in any order', () => {
    const taxonomy = createTaxonomy({
      categories: [
        { key: 'user.device.camera.serial', parent: 'user.device.camera', name: 'Camera serial' },
        { key: 'user.device.camera', parent: 'user.device', name: 'Camera' },
      ],
    });
    expect(taxonomy.issues).toEqual([]);
    expect(taxonomy.ancestors('user.device.camera.serial')).toEqual([
      'user.device.camera',
      'user.device',
      'user',
    ]);
    expect(taxonomy.sensitivity('user.device.camera.serial')).toBe('personal');
  });

  it('reports an unknown parent as an issue with code and path instead of throwing', () => {
    const taxonomy = createTaxonomy({
      categories: [{ key: 'user.device.serial', parent: 'user.device', name: 'ok' }],
      purposes: [{ key: 'marketing.loyalty.points', parent: 'marketing.loyalty', name: 'Points' }],
    });
    expect(taxonomy.issues).toEqual([
      expect.objectContaining({
        code: 'taxonomy.unknown-parent',
        severity: 'error',
        path: 'taxonomy.purposes[0].parent',
      }),
    ]);
    expect(taxonomy.has('purpose', 'marketing.loyalty.points')).toBe(false);
    expect(taxonomy.has('category', 'user.device.serial')).toBe(true);
  });

  it('reports a key that duplicates a built-in or an earlier extension', () => {
    const taxonomy = createTaxonomy({
      categories: [
        { key: 'user.contact.email', parent: 'user.contact', name: 'Email again' },
        { key: 'user.device.serial', parent: 'user.device', name: 'Serial' },
        { key: 'user.device.serial', parent: 'user.device', name: 'Serial twice' },
      ],
    });
    expect(taxonomy.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['taxonomy.duplicate-key', 'taxonomy.categories[0].key'],
      ['taxonomy.duplicate-key', 'taxonomy.categories[2].key'],
    ]);
    expect(taxonomy.get('category', 'user.contact.email')?.origin).toBeUndefined();
  });

  it('warns when a key does not extend its parent, or a purpose sets sensitivity', () => {
    const taxonomy = createTaxonomy({
      categories: [{ key: 'custom.serial', parent: 'user.device', name: 'Serial' }],
      purposes: [{ key: 'marketing.loyalty', parent: 'marketing', name: 'Loyalty', sensitive: true }],
    });
    expect(taxonomy.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ['taxonomy.key-outside-parent', 'warning', 'taxonomy.categories[0].key'],
      ['taxonomy.sensitivity-ignored', 'warning', 'taxonomy.purposes[0].sensitive'],
    ]);
    expect(taxonomy.isUnder('marketing.loyalty', 'marketing')).toBe(true);
  });

  it('leaves the built-in taxonomy unchanged', () => {
    createTaxonomy({ categories: [{ key: 'user.device.serial', parent: 'user.device', name: 'Serial' }] });
    expect(createTaxonomy().has('category', 'user.device.serial')).toBe(false);
  });
});
