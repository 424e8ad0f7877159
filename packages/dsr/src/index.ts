export { bossDb } from '@pledge/jobs';
export * from './deregister/index.js';
export {
  type ConnectorFactory,
  ConnectorPool,
  connectorsFromEnv,
  DsrError,
  KeptConnectors,
} from './exec/connections.js';
export { describeFailure, type Failure, type FailurePlace } from './exec/failure.js';
export {
  buildReport,
  finishRequest,
  type RequestReport,
  type RunFindings,
  type StepReport,
  statusOf,
} from './exec/finish.js';
export { type NotErased, notErasedFields } from './exec/not-erased.js';
export {
  PREFLIGHT_CHECKS,
  type PreflightCheck,
  type PreflightInput,
  type PreflightProblem,
  preflight,
  preflightFailure,
} from './exec/preflight.js';
export { recordRestriction, restrictionSubject } from './exec/restrict.js';
export { type RootsMatched, rootsMatched } from './exec/review.js';
export { rootSteps } from './exec/roots.js';
export { dsrDb, type RunOptions, type RunOutcome, runRequest } from './exec/run-request.js';
export { type JsonValue, toJsonValue } from './exec/values.js';
export { DSR_QUEUE, openBoss } from './jobs/boss.js';
export { dsrMigrations, migrateDsr } from './jobs/migrations.js';
export {
  DEFAULT_STALE_AFTER_MS,
  type DsrQueue,
  type DsrWorker,
  openDsrQueue,
  type RequestState,
  type WorkerOptions,
} from './jobs/queue.js';
export {
  acquireLease,
  type CreateResult,
  createRequest,
  type RectifyValue,
  type RequestInput,
  type RequestParams,
  type RestrictionScope,
} from './jobs/requests.js';
export { type ConfirmRefusal, type ConfirmResult, confirmRoots } from './jobs/review.js';
export {
  type DsrDatabase,
  REQUEST_STATUS_ROLE,
  REQUEST_STATUSES,
  type RequestPhase,
  type RequestStatus,
  type StepStatus,
} from './jobs/schema.js';
export {
  type AccessDocument,
  accessDocument,
  type PackageCategory,
  type PackageCollection,
} from './package/access-document.js';
export { rowsToCsv } from './package/csv.js';
export { csvName, unzipPackage, zipPackage } from './package/zip-package.js';
export * from './plan/index.js';
