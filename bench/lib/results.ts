import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions, BenchResult } from './types.js';

/** Default directory of result files: `bench/results`. */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** The machine a run happened on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  v8: string;
  platform: string;
  arch: string;
  /** 1, 5 and 15 minute load averages when the result was written (the machine may be shared). */
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** The JSON document written for one run. */
export interface ResultFile {
  name: string;
  date: string;
  durationMs: number;
  command: string;
  machine: MachineInfo;
  /** Load averages when the run started. */
  loadAverageAtStart: readonly number[];
  options: { size: BenchOptions['size']; flags: BenchOptions['flags'] };
  notes: readonly string[];
  results: Record<string, unknown>;
}

/** Writes `<outDir>/<name>.json` and returns its path. */
export async function writeResult(
  result: BenchResult,
  options: BenchOptions,
  meta: { startedAt: Date; durationMs: number; command: string; loadAverageAtStart: readonly number[] },
): Promise<string> {
  const dir = options.outDir ?? RESULTS_DIR;
  await mkdir(dir, { recursive: true });
  const file: ResultFile = {
    name: result.name,
    date: meta.startedAt.toISOString(),
    durationMs: Math.round(meta.durationMs),
    command: meta.command,
    machine: machineInfo(),
    loadAverageAtStart: meta.loadAverageAtStart,
    options: { size: options.size, flags: options.flags },
    notes: result.notes,
    results: result.results,
  };
  const path = join(dir, `${result.name}.json`);
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
  return path;
}
