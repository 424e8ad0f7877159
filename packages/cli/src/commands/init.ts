import { JurisdictionKey, withDidYouMean } from '@pledge/core';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { FILL_IN, starterManifest } from '../starter-manifest.js';
import { writeOutput } from '../write-output.js';

interface InitOptions {
  name: string;
  jurisdictions: string;
  out?: string;
  force?: boolean;
}

const MAX_NAME = 200;

/**
 * `pledge init --name <company> [--jurisdictions eu-gdpr,cn-pipl] [--out pledge.yaml] [--force]`:
 * writes a commented starter manifest that validates, with `# FILL IN` comments on the
 * placeholders `pledge lint` reports. An existing `--out` file is kept unless `--force`.
 */
export const registerInit: RegisterCommand = (program, io, finish) => {
  program
    .command('init')
    .description('write a commented starter manifest for a company; fill in the lines marked FILL IN')
    .requiredOption('--name <name>', 'legal name of the company, e.g. "Acme Shop Ltd"')
    .option(
      '--jurisdictions <list>',
      `comma-separated laws the policy addresses (${JurisdictionKey.options.join(', ')})`,
      'eu-gdpr',
    )
    .option('--out <file>', 'write to a file instead of stdout, e.g. pledge.yaml')
    .option('--force', 'overwrite --out if it exists')
    .action(async (options: InitOptions) => {
      const name = options.name.trim();
      if (name === '' || name.length > MAX_NAME || /[\r\n]/.test(name)) {
        io.stderr(`pledge: --name must be one line of 1 to ${MAX_NAME} characters\n`);
        return finish(ExitCode.usage);
      }
      const jurisdictions = parseJurisdictions(options.jurisdictions);
      if (!jurisdictions.ok) {
        io.stderr(`pledge: ${jurisdictions.message}\n`);
        return finish(ExitCode.usage);
      }
      if (options.out !== undefined && !options.force && (await exists(options.out))) {
        io.stderr(`pledge: ${options.out} already exists; use --force to overwrite it\n`);
        return finish(ExitCode.usage);
      }
      const text = starterManifest({
        name,
        jurisdictions: jurisdictions.keys,
        date: new Date().toISOString().slice(0, 10),
      });
      const code = await writeOutput(io, text, options.out);
      if (code === ExitCode.ok && options.out !== undefined) {
        io.stderr(
          `next: replace the values marked "${FILL_IN}", then run pledge validate ${options.out} and pledge lint ${options.out}\n`,
        );
      }
      finish(code);
    });

  async function exists(file: string): Promise<boolean> {
    try {
      await io.readText(file);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  }
};

/** `eu-gdpr, cn-pipl` as jurisdiction keys, or a message naming the unknown one. */
export function parseJurisdictions(
  list: string,
): { ok: true; keys: JurisdictionKey[] } | { ok: false; message: string } {
  const known: readonly string[] = JurisdictionKey.options;
  const keys: JurisdictionKey[] = [];
  for (const part of list.split(',')) {
    const key = part.trim();
    if (key === '') continue;
    if (!known.includes(key)) {
      return {
        ok: false,
        message: withDidYouMean(`unknown jurisdiction "${key}" (known: ${known.join(', ')})`, key, known),
      };
    }
    if (!keys.includes(key as JurisdictionKey)) keys.push(key as JurisdictionKey);
  }
  if (keys.length === 0) return { ok: false, message: '--jurisdictions needs at least one jurisdiction' };
  return { ok: true, keys };
}
