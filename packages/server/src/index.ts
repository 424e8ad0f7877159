export type { ApiIssue, ErrorBody } from '@pledge/protocol';
export { buildServer, DEFAULT_BODY_LIMIT, MANIFEST_BODY_LIMIT, type ServerOptions } from './app.js';
export {
  DEFAULT_DATA_DIR,
  DEFAULT_MANIFEST,
  describeDatabaseUrl,
  readConfig,
  type ServerConfig,
} from './config.js';
export { type DataDirLock, LOCK_FILE, lockDataDir } from './data-dir-lock.js';
export type { LogOptions } from './logging.js';
export { type OpenedStore, openConfiguredStore, type StoreLocation } from './open-store.js';
export { type StartOptions, type StartResult, startFromEnv, startServer } from './start.js';
