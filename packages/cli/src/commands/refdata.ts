import { runRefdataCli } from '@pledge/refdata';
import type { RegisterCommand } from '../context.js';
import type { ExitCode } from '../exit-codes.js';

/** `pledge refdata --example <name> [--scale N] ...`: fills an example's reference datastores. */
export const registerRefdata: RegisterCommand = (program, io, finish) => {
  program
    .command('refdata')
    .description("create an example deployment's reference datastores and fill them with synthetic data")
    .allowUnknownOption(true)
    .helpOption(false)
    .argument('[args...]', 'refdata options: --example <name> --scale N --seed S --pg-url ... (see --help)')
    .action(async (args: string[]) => {
      finish((await runRefdataCli(args, io)) as ExitCode);
    });
};
