export type { ApiIssue, ErrorBody } from '@pledge/protocol';
export { buildServer, DEFAULT_BODY_LIMIT, MANIFEST_BODY_LIMIT, type ServerOptions } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export type { LogOptions } from './logging.js';
export type { ServerCheckpoints } from './routes/checkpoints.js';
export { type StartOptions, type StartResult, startFromEnv, startServer } from './start.js';
