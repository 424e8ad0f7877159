/**
 * Benchmark runner: `npm run bench -- <name...> [--quick | --size tiny|quick|full] [--out dir]`.
 * With no name it lists the benchmarks. Each benchmark prints its tables and writes
 * `bench/results/<name>.json` (machine, options and figures).
 */
import { loadavg } from 'node:os';
import { parseArgs } from './lib/cli.js';
import { writeResult } from './lib/results.js';
import { formatTable } from './lib/table.js';
import type { BenchModule, BenchOptions } from './lib/types.js';

/**
 * The benchmarks by name. To add one, create `bench/<name>/index.ts` exporting
 * `run(options): Promise<BenchResult>` and list it here.
 */
export const registry: Readonly<Record<string, { describe: string; load: () => Promise<BenchModule> }>> = {
  decide: {
    describe:
      'decision engines: Pledge vs CASL (two set-ups), casbin, Cedar and a bitset floor, same policy and requests',
    load: () => import('./decide/index.js'),
  },
  dsr: {
    describe:
      'access then erasure of one subject (camera-app, ~1.2M rows): Pledge DSR path vs hand-written script',
    load: () => import('./dsr/index.js'),
  },
  http: {
    describe: 'HTTP API under load: POST /v1/consents and /v1/decide (autocannon), PGlite and PostgreSQL',
    load: () => import('./http/index.js'),
  },
  ledger: {
    describe:
      'hash-chained consent events per second (appendEvents) vs raw multi-row INSERT, PGlite and PostgreSQL',
    load: () => import('./ledger/index.js'),
  },
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  if (args.names.length === 0) {
    console.log('usage: npm run bench -- <name...> [--quick | --size tiny|quick|full] [--out dir]\n');
    for (const [name, entry] of Object.entries(registry))
      console.log(`  ${name.padEnd(8)} ${entry.describe}`);
    return 0;
  }
  const unknown = args.names.filter((name) => !Object.hasOwn(registry, name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(registry).join(', ')})`);
    return 2;
  }
  let failed = false;
  for (const name of args.names) {
    const options: BenchOptions = {
      size: args.size,
      flags: args.flags,
      log: (message) => console.error(`[${name}] ${message}`),
      ...(args.outDir === undefined ? {} : { outDir: args.outDir }),
    };
    const startedAt = new Date();
    const loadAverageAtStart = loadavg().map((value) => Math.round(value * 100) / 100);
    const started = performance.now();
    try {
      const module = await registry[name]!.load();
      const result = await module.run(options);
      for (const table of result.tables) console.log(`\n${formatTable(table)}`);
      if (result.notes.length > 0) console.log(`\n${result.notes.map((note) => `- ${note}`).join('\n')}`);
      const path = await writeResult(result, options, {
        startedAt,
        durationMs: performance.now() - started,
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
        loadAverageAtStart,
      });
      console.log(`\nwrote ${path}`);
    } catch (error) {
      failed = true;
      console.error(
        `[${name}] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
