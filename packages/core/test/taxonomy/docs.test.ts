import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinTaxonomy, renderTaxonomyDocs } from '../../src/taxonomy/index.js';

describe('docs/taxonomy.md', () => {
  it('equals the output of scripts/generate-taxonomy-docs.ts (run `npm run docs` after changing the taxonomy)', () => {
    const committed = readFileSync(new URL('../../../../docs/taxonomy.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderTaxonomyDocs(builtinTaxonomy));
  });

  it('has a row for every built-in entry, with both names, DPV IRI and fideslang key', () => {
    const docs = renderTaxonomyDocs(builtinTaxonomy);
    for (const entry of builtinTaxonomy) {
      const row = docs
        .split('\n')
        .find((line) => line.startsWith(`| \`${entry.key}\` | `) && line.includes(entry.dpv));
      expect(row, `${entry.kind} ${entry.key}`).toBeDefined();
      const name = entry.name as { en: string; 'zh-CN': string };
      expect(row).toContain(name.en);
      expect(row).toContain(name['zh-CN']);
      expect(row).toContain(`\`${entry.fideslang}\``);
    }
    expect(docs).toContain('| `user.contact.email` | Email address | 电子邮件地址 | personal |');
  });
});
