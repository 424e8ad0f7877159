import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRolesDoc } from '../src/index.js';

describe('docs/roles.md', () => {
  it('is the role matrix generated from ROLE_PERMISSIONS (run npm run docs after changing roles)', () => {
    const committed = readFileSync(new URL('../../../docs/roles.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRolesDoc());
  });
});
