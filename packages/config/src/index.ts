export {
  type CheckpointLocation,
  checkpointLocation,
  DEFAULT_CHECKPOINT_INTERVAL_MS,
  type OpenedCheckpoints,
  openCheckpoints,
} from './checkpoints/open-checkpoints.js';
export {
  addServerOptions,
  addStoreOptions,
  envWithFlags,
  SETTING_FLAGS,
  type SettingFlag,
  type SettingFlags,
} from './flags.js';
export { absolute, DEFAULT_DATA_DIR, DEFAULT_MANIFEST, describeDatabaseUrl, REPO_ROOT } from './paths.js';
export {
  LOG_LEVELS,
  type LogLevel,
  readSettings,
  SETTING_NAMES,
  type SettingName,
  type Settings,
  SettingsEnv,
  type SettingsResult,
} from './settings.js';
export {
  type DataDirLock,
  LOCK_FILE,
  type LockHolder,
  lockDataDir,
  readLockHolder,
} from './store/data-dir-lock.js';
export {
  type OpenedStore,
  type OpenStoreOptions,
  type OpenStoreResult,
  openConfiguredStore,
  type StoreLocation,
  type StoreOpenError,
} from './store/open-store.js';
export { configuredSubjectKey, type SubjectKeySettings, subjectKeySource } from './store/subject-key.js';
