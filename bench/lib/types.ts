/** How big a run is: `tiny` for the smoke test, `quick` for under a minute, `full` for the published figures. */
export type BenchSize = 'tiny' | 'quick' | 'full';

/** Options every benchmark receives from `bench/run.ts`. */
export interface BenchOptions {
  size: BenchSize;
  /** Directory the JSON result is written to; default `bench/results`. */
  outDir?: string;
  /** Benchmark-specific flags from the command line (`--pg-url x` becomes `{ 'pg-url': 'x' }`). */
  flags: Readonly<Record<string, string | boolean>>;
  /** Progress messages (stderr by default; silent in the smoke test). */
  log: (message: string) => void;
}

/** A printable table: one header row and the rows, already formatted. */
export interface BenchTable {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** What a benchmark returns: tables to print and the data written as JSON. */
export interface BenchResult {
  name: string;
  tables: readonly BenchTable[];
  /** Notes printed under the tables (skips, failures, targets). */
  notes: readonly string[];
  /** Machine-readable figures; written under `results` in the JSON file. */
  results: Record<string, unknown>;
}

/** A benchmark module: `bench/<name>/index.ts` exports `run`. */
export interface BenchModule {
  run(options: BenchOptions): Promise<BenchResult>;
}
