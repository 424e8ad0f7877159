import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesUp } from './world.js';

/**
 * Runs `npm run bench -- dsr --size tiny` through the real runner (60 subjects, one round
 * per store) and checks the JSON it writes, so the benchmark cannot rot. The run itself
 * fails if either lane reads or erases other rows than the subject's, or leaves any of
 * them behind. No timing is asserted. Needs PostgreSQL and Redis; skipped (with a warning)
 * without them.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const up = (await servicesUp()).ok;
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'pledge-bench-dsr-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

interface PhaseJson {
  pledgeMs: number;
  baselineMs: number;
  ratio: number;
  rows: number;
  pledgeStatements: { sql: number; redis: number; files: number };
  baselineStatements: { sql: number; redis: number; files: number };
  pledgeStoreQueries: number;
  pledgeOutsideMs: number;
  baselineOutsideMs: number;
  ratioOutside: number;
}

describe.skipIf(!up)('bench dsr smoke (tiny size, no timing assertions)', () => {
  it('times access and erasure on both lanes and both stores, with rows and statement counts', {
    timeout: 60_000,
  }, async () => {
    await run(
      process.execPath,
      [
        '--conditions=@pledge/source',
        '--import',
        'tsx',
        'bench/run.ts',
        'dsr',
        '--size',
        'tiny',
        '--out',
        out,
      ],
      {
        cwd: root,
        timeout: 60_000,
      },
    );
    const file = JSON.parse(await readFile(join(out, 'dsr.json'), 'utf8')) as {
      name: string;
      options: { size: string };
      results: {
        datastores: { sqlRows: number; redisKeys: number; files: number; all: number };
        stores: Array<{ store: string; phases: Record<'access' | 'erase' | 'total', PhaseJson> }>;
        targets: Record<string, Record<'ratio' | 'totalMs' | 'subjectMs' | 'outsideRatio', { met: boolean }>>;
      };
    };
    expect(file.name).toBe('dsr');
    expect(file.options.size).toBe('tiny');
    const { datastores, stores, targets } = file.results;
    expect(datastores.sqlRows).toBeGreaterThan(1000);
    expect(datastores.all).toBe(datastores.sqlRows + datastores.redisKeys + datastores.files);
    expect(stores.map((s) => s.store)).toEqual(['pglite', 'postgres']);
    for (const store of stores) {
      const { access, erase, total } = store.phases;
      for (const phase of [access, erase, total]) {
        expect(phase.pledgeMs).toBeGreaterThan(0);
        expect(phase.baselineMs).toBeGreaterThan(0);
        expect(Math.abs(phase.ratio / (phase.pledgeMs / phase.baselineMs) - 1)).toBeLessThan(0.01);
        expect(phase.rows).toBeGreaterThan(0);
        expect(phase.pledgeStatements.sql).toBeGreaterThan(0);
        expect(phase.baselineStatements.sql).toBeGreaterThan(0);
        expect(phase.pledgeStoreQueries).toBeGreaterThan(0);
        expect(phase.pledgeOutsideMs).toEqual(expect.any(Number));
        expect(phase.baselineOutsideMs).toEqual(expect.any(Number));
        expect(Number.isFinite(phase.ratioOutside)).toBe(true);
      }
      // Every row read is erased (deleted or anonymised): the same count in both phases.
      expect(erase.rows).toBe(access.rows);
      expect(total.rows).toBe(access.rows + erase.rows);
      for (const target of ['ratio', 'totalMs', 'subjectMs', 'outsideRatio'] as const)
        expect(targets[store.store]?.[target].met).toEqual(expect.any(Boolean));
    }
  });
});
