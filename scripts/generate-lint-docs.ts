/**
 * Writes docs/lint-rules.md from the lint rule metadata in @pledge/core.
 * Run with `npx tsx scripts/generate-lint-docs.ts`; a test fails when the committed file drifts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintRules, renderLintDocs } from '../packages/lint/src/index.js';

const target = fileURLToPath(new URL('../docs/lint-rules.md', import.meta.url));
writeFileSync(target, renderLintDocs(lintRules));
console.log(`wrote ${target} (${lintRules.length} rules)`);
