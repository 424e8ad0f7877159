export { ExitCode } from './exit-codes';
export { formatIssue } from './format-issue';
export type { CliIo } from './io';
export { MANIFEST_SCHEMA_ID, manifestJsonSchema, manifestJsonSchemaText } from './json-schema';
export { buildProgram, main } from './main';
