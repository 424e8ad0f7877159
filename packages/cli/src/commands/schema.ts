import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { manifestJsonSchemaText } from '../json-schema.js';

/** `pledge schema`: prints the manifest JSON Schema. */
export const registerSchema: RegisterCommand = (program, io, finish) => {
  program
    .command('schema')
    .description('print the JSON Schema of the manifest (as in schema/pledge.schema.json)')
    .action(() => {
      io.stdout(manifestJsonSchemaText());
      finish(ExitCode.ok);
    });
};
