export { type RefdataIo, runRefdataCli } from './cli.js';
export { exampleDefinitions } from './examples/index.js';
export { DEFAULT_SCALE, generate } from './generate.js';
export { knownSubject } from './known-subject.js';
export { DEFAULT_SEED, Rng, type Seed, subjectRng } from './prng.js';
export { examplePath, readSchemaFile } from './schema-files.js';
export type {
  ExampleDefinition,
  ExampleName,
  GenerateOptions,
  GenerateResult,
  KnownSubject,
  SubjectIdentities,
  TableSpec,
  Targets,
} from './types.js';
export { EXAMPLES } from './types.js';
