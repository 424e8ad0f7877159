import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerDiff } from './commands/diff.js';
import { registerDsr } from './commands/dsr-all.js';
import { registerImportFides } from './commands/import-fides.js';
import { registerInit } from './commands/init.js';
import { registerJurisdictions } from './commands/jurisdictions.js';
import { registerKeys } from './commands/keys.js';
import { registerLedger } from './commands/ledger.js';
import { registerLint } from './commands/lint.js';
import { registerPolicies } from './commands/policies.js';
import { registerRecipients } from './commands/recipients.js';
import { registerRefdata } from './commands/refdata.js';
import { registerRender } from './commands/render.js';
import { registerRequests } from './commands/requests.js';
import { registerRopa } from './commands/ropa.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerSubjects } from './commands/subjects.js';
import { registerUsers } from './commands/users.js';
import { registerValidate } from './commands/validate.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';

// Read at run time: package.json sits one folder above both src/ and dist/, outside the build.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const COMMANDS = [
  registerInit,
  registerValidate,
  registerLint,
  registerRender,
  registerDiff,
  registerRopa,
  registerSchema,
  registerJurisdictions,
  registerDsr,
  registerServe,
  registerLedger,
  registerKeys,
  registerUsers,
  registerPolicies,
  registerAudit,
  registerRecipients,
  registerRequests,
  registerImportFides,
  registerRefdata,
  registerSubjects,
];

/** Builds the `pledge` program; each command reports its exit code through `finish`. */
export function buildProgram(io: CliIo, finish: (code: ExitCode) => void): Command {
  const program = new Command('pledge')
    .description('Pledge: the privacy policy, executed.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showHelpAfterError('(run pledge --help for usage)');
  for (const register of COMMANDS) register(program, io, finish);
  return program;
}

/**
 * Runs the CLI and returns the exit code; never throws. `argv` is `process.argv`-shaped
 * (node, script, ...args). Exit codes: 0 ok, 1 invalid input or findings, 2 usage error,
 * 70 internal error.
 */
export async function main(argv: readonly string[] = process.argv, io: CliIo = processIo()): Promise<number> {
  let exitCode: ExitCode = ExitCode.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its message (unknown option, bad choice, missing argument...).
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    const detail = process.env.PLEDGE_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    io.stderr(`pledge: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    io.stderr('pledge: this is a bug; set PLEDGE_DEBUG=1 for details\n');
    return ExitCode.internal;
  }
}
