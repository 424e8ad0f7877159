import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules, renderLintDocs } from '../src/index.js';

describe('docs/lint-rules.md', () => {
  it('equals the output of scripts/generate-lint-docs.ts (run it after changing a rule)', () => {
    const committed = readFileSync(new URL('../../../docs/lint-rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderLintDocs(lintRules));
  });

  it('has a section for every rule', () => {
    const docs = renderLintDocs(lintRules);
    for (const rule of lintRules) expect(docs).toContain(`## \`${rule.code}\``);
  });
});
