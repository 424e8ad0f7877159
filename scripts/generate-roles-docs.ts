/**
 * Writes docs/roles.md (the console role matrix) from ROLE_PERMISSIONS in @pledge/auth.
 * Run with `npm run docs`; a test fails when the committed file drifts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRolesDoc } from '../packages/auth/src/index.js';

const target = fileURLToPath(new URL('../docs/roles.md', import.meta.url));
writeFileSync(target, renderRolesDoc());
console.log(`wrote ${target}`);
