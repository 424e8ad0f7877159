export { ExitCode } from './exit-codes.js';
export { formatIssue } from './format-issue.js';
export type { CliIo } from './io.js';
export { MANIFEST_SCHEMA_ID, manifestJsonSchema, manifestJsonSchemaText } from './json-schema.js';
export { buildProgram, main } from './main.js';
