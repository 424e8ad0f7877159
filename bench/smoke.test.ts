import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Benchmarks are not tests: this only runs each one at `--size tiny` through the real
 * runner and checks the JSON it writes has the documented fields, so the bench code
 * cannot rot unnoticed. No timing is asserted.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'pledge-bench-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function bench(name: string): Promise<Record<string, unknown>> {
  await run(
    process.execPath,
    ['--conditions=@pledge/source', '--import', 'tsx', 'bench/run.ts', name, '--size', 'tiny', '--out', out],
    {
      cwd: root,
      timeout: 120_000,
    },
  );
  return JSON.parse(await readFile(join(out, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

function expectRunMeta(file: Record<string, unknown>, name: string): void {
  expect(file.name).toBe(name);
  expect(file.options).toMatchObject({ size: 'tiny' });
  expect(file.machine).toMatchObject({
    cpuModel: expect.any(String),
    cores: expect.any(Number),
    node: process.version,
  });
  expect(Number.isNaN(Date.parse(String(file.date)))).toBe(false);
}

describe('bench smoke (tiny sizes, no timing assertions)', () => {
  it('decide: every engine agrees with Pledge and reports rate, latency and ratios', {
    timeout: 120_000,
  }, async () => {
    const file = await bench('decide');
    expectRunMeta(file, 'decide');
    const results = file.results as {
      engines: Array<Record<string, unknown>>;
      agreement: Array<{ engine: string; checked: number; disagreements: number; reasonMismatches: number }>;
      failed: unknown[];
      targets: Record<string, { met: boolean; actual: number }>;
    };
    const names = results.engines.map((e) => e.engine);
    expect(names).toEqual(
      expect.arrayContaining([
        'Pledge decideIndexed',
        'Pledge decide (ids)',
        'CASL 6 (one ability, conditions)',
        'CASL 6 (ability per subject)',
        'bitset floor',
      ]),
    );
    expect(names.length + results.failed.length).toBe(7);
    for (const engine of results.engines) {
      expect(engine).toMatchObject({
        decisionsPerSec: expect.any(Number),
        p50Ns: expect.any(Number),
        p99Ns: expect.any(Number),
        vsCasl: expect.any(Number),
        vsFloor: expect.any(Number),
      });
      expect(engine.decisionsPerSec as number).toBeGreaterThan(0);
    }
    expect(results.agreement.length).toBe(results.engines.length - 1);
    for (const a of results.agreement) {
      expect(a.checked).toBeGreaterThan(0);
      expect(a.disagreements).toBe(0);
      expect(a.reasonMismatches).toBe(0);
    }
    expect(results.targets.pledgeVsCasl).toMatchObject({
      actual: expect.any(Number),
      met: expect.any(Boolean),
    });
    expect(results.targets.pledgeWithinFloor).toMatchObject({
      actual: expect.any(Number),
      met: expect.any(Boolean),
    });
  });

  it('ledger: events/s per backend and batch size, raw rate and ratio, verified chain', {
    timeout: 120_000,
  }, async () => {
    const file = await bench('ledger');
    expectRunMeta(file, 'ledger');
    const results = file.results as {
      backends: Array<{ backend: string; batches: Array<Record<string, number>>; verify: { ok: boolean } }>;
      hashing: Record<string, number>;
    };
    expect(results.backends.map((b) => b.backend)).toContain('pglite');
    for (const backend of results.backends) {
      expect(backend.batches.map((b) => b.batchSize)).toEqual([1, 100, 1000]);
      for (const batch of backend.batches) {
        expect(batch).toMatchObject({
          eventsPerSec: expect.any(Number),
          rawEventsPerSec: expect.any(Number),
          ratio: expect.any(Number),
          unnestEventsPerSec: expect.any(Number),
        });
        expect(batch.events).toBeGreaterThan(0);
      }
      expect(backend.verify.ok).toBe(true);
    }
    expect(results.hashing.ceilingEventsPerSec).toBeGreaterThan(0);
  });
});
