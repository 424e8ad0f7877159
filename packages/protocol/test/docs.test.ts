import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS, renderErrorDocs } from '../src/index.js';

describe('docs/errors.md', () => {
  it('equals the output of scripts/generate-error-docs.ts (run it after changing the catalogue)', () => {
    const committed = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderErrorDocs());
  });

  it('has a section for every code', () => {
    const docs = renderErrorDocs();
    for (const spec of ERRORS) expect(docs).toContain(`### \`${spec.code}\``);
  });
});
