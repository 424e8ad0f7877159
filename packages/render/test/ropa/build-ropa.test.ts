import { parseManifest } from '@pledge/core';
import { baseInput, edited, exampleManifests, toManifest } from '@pledge/testing/manifests';
import { describe, expect, it } from 'vitest';
import { buildRopa, ropaToCsv, ropaToJson } from '../../src/ropa/index.js';
import { csvField } from '../../src/ropa/to-csv.js';
import { parseCsv } from './csv-parse.js';

const base = toManifest(baseInput());

describe('buildRopa', () => {
  const records = buildRopa(base);
  const byId = (id: string) => records.find((r) => r.id === id)!;

  it('has one record per purpose, in manifest order', () => {
    expect(records.map((r) => r.id)).toEqual(['service', 'newsletter', 'analytics']);
  });

  it('names the controller with contact details, representative and DPO (Art. 30(1)(a))', () => {
    expect(records[0]?.controller).toEqual({
      name: 'Example Shop GmbH',
      address: 'Hauptstrasse 1, 10115 Berlin',
      country: 'DE',
      contacts: ['email: privacy@example.test', 'web-form: https://example.test/support'],
      representatives: ['Example Shop Shanghai Ltd. (CN)'],
      dpo: 'Data protection officer, email: privacy@example.test',
    });
  });

  it('gives purpose, legal basis per jurisdiction, subjects and categories (b, c)', () => {
    const analytics = byId('analytics');
    expect(analytics.purpose).toEqual({ name: 'Site statistics', taxonomy: 'analytics.reporting' });
    expect(analytics.legalBasis).toEqual([
      { jurisdiction: 'eu-gdpr', basis: 'legitimate-interests' },
      { jurisdiction: 'cn-pipl', basis: 'consent' },
    ]);
    expect(analytics.dataSubjects).toEqual(['visitor']);
    expect(byId('service').dataSubjects).toEqual(['customer']);
    expect(byId('service').dataCategories.map((c) => c.id)).toEqual(['email', 'name', 'orders']);
  });

  it('takes sensitivity from the category flag, else from the taxonomy', () => {
    const manifest = edited((m) => {
      m.purposes[0]!.categories.push('location');
      m.categories.push({
        id: 'health',
        taxonomy: 'user.health_and_medical',
        name: 'Health',
        source: 'voluntary',
      });
      m.purposes[0]!.categories.push('health');
    });
    const sensitive = buildRopa(manifest)[0]!
      .dataCategories.filter((c) => c.sensitive)
      .map((c) => c.id);
    expect(sensitive).toEqual(['location', 'health']);
  });

  it('lists recipients and marks those in third countries (d)', () => {
    expect(byId('service').recipients).toEqual([
      { id: 'cloud', name: 'Cloud hosting', kind: 'processor', country: 'US', thirdCountry: true },
    ]);
    expect(byId('newsletter').recipients).toEqual([
      { id: 'mailer', name: 'Mail delivery service', kind: 'processor', country: 'DE', thirdCountry: false },
    ]);
    const french = buildRopa(
      edited((m) => {
        m.recipients![0]!.country = 'FR';
      }),
    );
    expect(french[1]?.recipients[0]?.thirdCountry).toBe(false);
  });

  it('lists transfers with their safeguards where the purpose data can travel (e)', () => {
    expect(byId('service').transfers).toEqual([
      { id: 'hosting-us', to: 'US', recipients: ['cloud'], safeguards: ['scc'] },
    ]);
    expect(byId('newsletter').transfers).toEqual([]);
  });

  it('gives erasure time limits per category, grouped by rule (f)', () => {
    expect(byId('service').erasure).toEqual([
      { categories: ['email', 'name'], limit: '30 days after account-closed, then delete' },
      { categories: ['orders'], limit: '10 years after collected, then delete' },
    ]);
    const unstated = buildRopa(
      edited((m) => {
        m.retention!.rules!.splice(2, 1);
      }),
    );
    expect(unstated[2]?.erasure).toEqual([{ categories: ['usage'], limit: 'not stated' }]);
  });

  it('describes the security measures (g)', () => {
    expect(records[0]?.security).toEqual([
      'Encryption in transit',
      'Encryption at rest',
      'Every access to personal data is logged',
      'Access logs reviewed every 3 months',
      'Role-based access control',
    ]);
  });

  it('uses the requested language where the manifest has one', () => {
    const zh = buildRopa(base, { lang: 'zh-CN' });
    expect(zh[0]?.lang).toBe('zh-CN');
    expect(zh[0]?.security[0]).toBe('传输加密');
    expect(zh[0]?.purpose.name).toBe('Provide the shop');
  });
});

describe('ropaToCsv and ropaToJson', () => {
  it('quotes fields as RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a header and one CRLF-terminated row per record that reads back', () => {
    const manifest = edited((m) => {
      m.controller.name = 'Shop "Quotes", Inc.\nBerlin';
    });
    const csv = ropaToCsv(buildRopa(manifest));
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    expect(rows[0]?.slice(0, 3)).toEqual(['Activity', 'Purpose', 'Legal basis']);
    expect(rows[1]?.[3]).toBe('Shop "Quotes", Inc.\nBerlin, Hauptstrasse 1, 10115 Berlin, DE');
    expect(rows[1]?.[rows[0]!.indexOf('Recipients in third countries')]).toBe('Cloud hosting (US)');
  });

  it('JSON round-trips to the records', () => {
    const records = buildRopa(base);
    expect(JSON.parse(ropaToJson(records))).toEqual(records);
  });
});

describe('buildRopa on the example manifests', () => {
  for (const example of exampleManifests()) {
    it(`${example.name}: one record per purpose, every record complete, CSV reads back`, () => {
      const result = parseManifest(example.text, { file: example.file });
      if (!result.ok) throw new Error(`example invalid: ${JSON.stringify(result.issues)}`);
      const records = buildRopa(result.manifest);
      expect(records.map((r) => r.id)).toEqual(result.manifest.purposes.map((p) => p.id));
      for (const record of records) {
        expect(record.controller.name).not.toBe('');
        expect(record.dataCategories.length).toBeGreaterThan(0);
        expect(record.legalBasis).toHaveLength(result.manifest.policy.jurisdictions.length);
        expect(record.erasure.flatMap((e) => e.categories).sort()).toEqual(
          [...new Set(result.manifest.purposes.find((p) => p.id === record.id)!.categories)].sort(),
        );
      }
      expect(parseCsv(ropaToCsv(records))).toHaveLength(records.length + 1);
    });
  }
});
