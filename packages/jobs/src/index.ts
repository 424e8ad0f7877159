export {
  type BossDb,
  bossDb,
  type TrackedBossDb,
  trackBossDb,
  transactionBossDb,
} from './boss/boss-db.js';
export { type OpenBossOptions, openBoss, type QueueSpec } from './boss/open-boss.js';
export { type Clock, fixedClock, ManualClock, systemClock } from './clock/clock.js';
export { Heartbeat, LeaseLost } from './leases/heartbeat.js';
export {
  type LeaseTable,
  leaseStatement,
  renewLease,
  staleLeases,
  type TakeLeaseOptions,
  takeLease,
} from './leases/lease.js';
export { jobsMigrations, migrateJobs } from './migrate/jobs-migrations.js';
export { type MigrationSet, runMigrations } from './migrate/run-migrations.js';
export { firstSlotFrom, nextSlotAfter } from './recurring/next-run.js';
export {
  type FiredRun,
  type JobData,
  openRecurring,
  type Recurring,
  type RecurringJob,
  type ScheduleState,
  type Ticker,
} from './recurring/recurring.js';
export { STEP_STATUSES, type StepBook, type StepStatus, type StepTable, stepBook } from './steps/steps.js';
