export { buildServer, type ServerOptions } from './app';
export { DEFAULT_MANIFEST, readConfig, type ServerConfig } from './config';
export type { ErrorBody } from './errors';
export type { LogOptions } from './logging';
export { type StartOptions, startFromEnv } from './start';
