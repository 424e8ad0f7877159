export { buildServer, DEFAULT_BODY_LIMIT, MANIFEST_BODY_LIMIT, type ServerOptions } from './app';
export {
  DEFAULT_DATA_DIR,
  DEFAULT_MANIFEST,
  describeDatabaseUrl,
  readConfig,
  type ServerConfig,
} from './config';
export { type DataDirLock, LOCK_FILE, lockDataDir } from './data-dir-lock';
export type { ApiIssue, ErrorBody } from './errors';
export type { LogOptions } from './logging';
export { type OpenedStore, openConfiguredStore, type StoreLocation } from './open-store';
export { type StartOptions, type StartResult, startFromEnv, startServer } from './start';
