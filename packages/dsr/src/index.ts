export {
  type ConnectorFactory,
  ConnectorPool,
  connectorsFromEnv,
  DsrError,
  KeptConnectors,
} from './exec/connections';
export { describeFailure, type Failure } from './exec/failure';
export { buildReport, finishRequest, type RequestReport, type StepReport } from './exec/finish';
export { recordRestriction, restrictionSubject } from './exec/restrict';
export { dsrDb, type RunOptions, type RunOutcome, runRequest } from './exec/run-request';
export { type JsonValue, toJsonValue } from './exec/values';
export { bossDb, DSR_QUEUE, openBoss } from './jobs/boss';
export { dsrMigrations, migrateDsr } from './jobs/migrations';
export {
  DEFAULT_STALE_AFTER_MS,
  type DsrQueue,
  type DsrWorker,
  openDsrQueue,
  type RequestState,
  type WorkerOptions,
} from './jobs/queue';
export {
  acquireLease,
  type CreateResult,
  createRequest,
  type RectifyValue,
  type RequestInput,
  type RequestParams,
  type RestrictionScope,
} from './jobs/requests';
export type { DsrDatabase, RequestPhase, RequestStatus, StepStatus } from './jobs/schema';
export {
  type AccessDocument,
  accessDocument,
  type PackageCategory,
  type PackageCollection,
} from './package/access-document';
export { rowsToCsv } from './package/csv';
export { csvName, unzipPackage, zipPackage } from './package/zip-package';
export * from './plan/index';
