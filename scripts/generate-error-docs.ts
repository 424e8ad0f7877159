/**
 * Writes docs/errors.md from the error catalogue in @pledge/protocol.
 * Run with `npx tsx scripts/generate-error-docs.ts`; a test fails when the committed file drifts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERRORS, renderErrorDocs } from '../packages/protocol/src/index.js';

const target = fileURLToPath(new URL('../docs/errors.md', import.meta.url));
writeFileSync(target, renderErrorDocs());
console.log(`wrote ${target} (${ERRORS.length} codes)`);
