import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/**
 * Whether a command that changes data for good may go on: `--yes` says so; otherwise the person
 * at the terminal is asked. With no terminal to ask on, the command is refused (usage, exit 2)
 * and told to pass `--yes`; a "no" ends it with exit 1. Returns undefined to go on, else the
 * exit code.
 */
export async function confirmOrStop(
  io: CliIo,
  yes: boolean | undefined,
  question: string,
  command: string,
): Promise<ExitCode | undefined> {
  if (yes) return undefined;
  if (!io.confirm) {
    io.stderr(`pledge: ${command} cannot be undone: pass --yes to confirm (no terminal to ask on)\n`);
    return ExitCode.usage;
  }
  if (await io.confirm(question)) return undefined;
  io.stderr(`pledge: ${command} cancelled; nothing was changed\n`);
  return ExitCode.failed;
}
