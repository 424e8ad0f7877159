import type { BenchSize } from './types.js';

/** Parsed command line of `bench/run.ts`. */
export interface BenchArgs {
  names: string[];
  size: BenchSize;
  outDir?: string;
  flags: Record<string, string | boolean>;
}

const SIZES: readonly BenchSize[] = ['tiny', 'quick', 'full'];

/**
 * Parses `name... [--quick] [--size tiny|quick|full] [--out dir] [--flag value]`. Unknown
 * flags are passed to the benchmarks; `--flag` without a value is `true`.
 */
export function parseArgs(argv: readonly string[]): BenchArgs | { error: string } {
  const names: string[] = [];
  const flags: Record<string, string | boolean> = {};
  let size: BenchSize = 'full';
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      names.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    const takesValue = inline === undefined && next !== undefined && !next.startsWith('--');
    const value = inline ?? (takesValue && key !== 'quick' ? next : undefined);
    if (value !== undefined && inline === undefined) i++;
    if (key === 'quick') size = 'quick';
    else if (key === 'size') {
      if (!SIZES.includes(value as BenchSize)) return { error: `--size must be one of ${SIZES.join(', ')}` };
      size = value as BenchSize;
    } else if (key === 'out') {
      if (!value) return { error: '--out needs a directory' };
      outDir = value;
    } else flags[key] = value ?? true;
  }
  return outDir === undefined ? { names, size, flags } : { names, size, outDir, flags };
}
