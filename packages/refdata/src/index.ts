export { type RefdataIo, runRefdataCli } from './cli';
export { exampleDefinitions } from './examples/index';
export { DEFAULT_SCALE, generate } from './generate';
export { knownSubject } from './known-subject';
export { DEFAULT_SEED, Rng, type Seed, subjectRng } from './prng';
export { examplePath, readSchemaFile } from './schema-files';
export type {
  ExampleDefinition,
  ExampleName,
  GenerateOptions,
  GenerateResult,
  KnownSubject,
  SubjectIdentities,
  TableSpec,
  Targets,
} from './types';
export { EXAMPLES } from './types';
