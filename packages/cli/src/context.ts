import type { Command } from 'commander';
import type { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/** Adds one command to the program; its action reports its exit code through `finish`. */
export type RegisterCommand = (program: Command, io: CliIo, finish: (code: ExitCode) => void) => void;
