/**
 * Lists every statement one Pledge access and one erasure of one camera-app subject send:
 * datastore statements (kind, operation, collection, text) and store queries, in order.
 * `npx tsx --conditions=@pledge/source bench/dsr/count-statements.ts [scale] [store]`
 * (store: pglite, the default, or postgres). Warms up on one subject first (kept connectors).
 */
import { readFile } from 'node:fs/promises';
import type { StatementEvent } from '@pledge/connectors';
import { parseManifest } from '@pledge/core';
import { createScratchDatabase } from '@pledge/testing';
import { PledgeLane } from './pledge-lane.js';
import { pickPairs } from './subjects.js';
import { createWorld } from './world.js';

const scale = Number(process.argv[2] ?? 200);
const storeKind = process.argv[3] ?? 'pglite';
const rounds = Number(process.argv[4] ?? 1);
const file = new URL('../../examples/camera-app/pledge.yaml', import.meta.url);
const parsed = parseManifest(await readFile(file, 'utf8'), { file: file.pathname });
if (!parsed.ok || !parsed.manifest) throw new Error('manifest');
const world = await createWorld(scale, 1, () => {});
const scratch = storeKind === 'postgres' ? await createScratchDatabase('pledge_perf_count') : undefined;
const events: string[] = [];
const lane = await PledgeLane.open(parsed.manifest, world, {
  keepConnections: true,
  ...(scratch ? { url: scratch.url } : {}),
  onStatement: (e: StatementEvent) =>
    events.push(`${e.kind}.${e.operation} ${e.collection} | ${e.text.replace(/\s+/g, ' ').slice(0, 200)}`),
});
try {
  const pairs = pickPairs(scale, 1, 1 + rounds);
  await lane.run('access', pairs[0]!.pledge);
  await lane.run('erase', pairs[0]!.pledge);
  for (let r = 1; r <= rounds; r++) {
    for (const phase of ['access', 'erase'] as const) {
      events.length = 0;
      const out = await lane.run(phase, pairs[r]!.pledge);
      console.log(
        `\n== ${phase}: ${out.rows} rows, ${events.length} datastore statements, ${out.breakdown?.storeQueries} store queries, ${out.ms.toFixed(1)} ms (store ${out.breakdown?.storeMs.toFixed(1)} ms, datastores ${out.breakdown?.datastoreWallMs.toFixed(1)} ms)`,
      );
      for (const e of events) console.log(`  ${e}`);
      console.log('  store:', JSON.stringify(out.breakdown?.storeByQuery));
      console.log('  by operation:', JSON.stringify(out.breakdown?.byOperation));
    }
  }
} finally {
  await lane.close();
  await world.drop();
  await scratch?.drop();
}
