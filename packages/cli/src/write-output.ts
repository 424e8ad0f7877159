import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { describeFsError } from './load-manifest.js';

/** Writes command output to `--out` when given, else to stdout; an unwritable file is a usage error. */
export async function writeOutput(io: CliIo, text: string, out: string | undefined): Promise<ExitCode> {
  if (!out) {
    io.stdout(text);
    return ExitCode.ok;
  }
  try {
    await io.writeText(out, text);
    io.stderr(`pledge: wrote ${out}\n`);
    return ExitCode.ok;
  } catch (error) {
    io.stderr(`pledge: cannot write ${out}: ${describeFsError(error)}\n`);
    return ExitCode.usage;
  }
}
