/**
 * Writes docs/taxonomy.md from the built-in taxonomy in @pledge/core.
 * Run with `npx tsx scripts/generate-taxonomy-docs.ts`; a test fails when the committed file drifts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinTaxonomy, renderTaxonomyDocs } from '../packages/core/src/index.js';

const target = fileURLToPath(new URL('../docs/taxonomy.md', import.meta.url));
writeFileSync(target, renderTaxonomyDocs(builtinTaxonomy));
console.log(`wrote ${target} (${builtinTaxonomy.length} entries)`);
