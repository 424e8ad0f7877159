/**
 * `@pledge/requests`: the case a data-subject request is, from receipt to its answer.
 * @packageDocumentation
 */
export { appealDeadlineRule } from './deadlines/appeal-deadline.js';
export {
  computeRequestDeadline,
  type DeadlineClock,
  type RequestDeadline,
  type RuleDue,
} from './deadlines/compute-deadline.js';
export {
  CLARIFICATION_PAUSE,
  type ClockStartRule,
  type DeadlineRuleSpec,
  deadlineRules,
  ENGINE_DEFAULT_DEADLINE,
  type ExtensionRule,
  type RuleContext,
} from './deadlines/deadline-rules.js';
export { type QuestionReplyRule, questionReplyDue, questionReplyRule } from './deadlines/question-reply.js';
export {
  dueSoonAt,
  REMINDER_KINDS,
  type ReminderInstant,
  type ReminderKind,
  reminderInstants,
} from './deadlines/reminders.js';
export {
  approveExecution,
  type ExecuteOptions,
  type ExecuteResult,
  type ExecutionStatus,
  executeRequest,
  submitOnce,
  syncExecution,
} from './execution/execute-request.js';
export {
  checkRecipientContact,
  listRecipientContacts,
  type RecipientContactTable,
  recipientContacts,
  type StoredRecipientContact,
  setRecipientContact,
} from './execution/recipient-contacts.js';
export {
  NOTICE_RIGHTS,
  noticeRecipients,
  type RecipientContact,
  type RecipientNotice,
  type RecipientNoticeOptions,
} from './execution/recipient-notices.js';
export { requestPackage } from './execution/request-package.js';
export {
  CONTACT_KINDS,
  type ContactKind,
  REQUEST_CHANNELS,
  type RequestActor,
  type RequestChannel,
} from './intake/channels.js';
export { type FeeDecision, feeDecision } from './intake/fees.js';
export {
  contactDigest,
  type ReceiveOptions,
  type ReceiveResult,
  receiveRequest,
} from './intake/receive-request.js';
export { type ReceiveInput, validateReceiveInput } from './intake/validate-input.js';
export { ORAL_CHANNELS, writtenOnlyRefusal } from './intake/written-only.js';
export {
  completeManualTask,
  createManualTasks,
  listManualTasks,
  type ManualTask,
  type ManualTaskTable,
  manualTasksDb,
  openManualTaskCount,
} from './manual-tasks/store.js';
export { MANUAL_TASK_RIGHTS, type ManualTaskTarget, manualTaskTargets } from './manual-tasks/targets.js';
export { type ReminderDelivery, sendReminders } from './reminders/send-reminders.js';
export {
  type Reminder,
  type SweepOptions,
  type SweepResult,
  sweepDeadlines,
} from './reminders/sweep-deadlines.js';
export {
  DEADLINE_SWEEP_QUEUE,
  DEADLINE_SWEEP_SCHEDULE,
  drainDeadlineSweeps,
  type SweepJobOptions,
  scheduleDeadlineSweep,
  workDeadlineSweeps,
} from './reminders/sweep-job.js';
export { migrateRequests, requestsMigrations } from './store/migrations.js';
export {
  getRequest,
  type ListRequestsQuery,
  listRequests,
  requestEvents,
  requestsDb,
} from './store/queries.js';
export type { RequestEventTable, RequestsDatabase, RequestTable } from './store/schema.js';
export type { RequestEvent, RequestView } from './store/view.js';
export * from './verification/index.js';
export {
  DENIAL_GROUNDS,
  type DenialGround,
  EXTENSION_REASONS,
  type ExtensionReason,
  MAX_REASON_TEXT,
} from './workflow/reasons.js';
export {
  type RecordResult,
  type TransitionOptions,
  transitionRequest,
} from './workflow/record-transition.js';
export {
  dsrKindOf,
  isRequestRight,
  REQUEST_RIGHTS,
  type RequestRight,
  RIGHT_KINDS,
} from './workflow/rights.js';
export { REQUEST_STATES, type RequestState } from './workflow/states.js';
export {
  type RequestRefusal,
  refusal,
  type TransitionAction,
  type TransitionResult,
  transition,
  VERIFIED_BY,
  type VerifiedBy,
  type WorkflowSnapshot,
} from './workflow/transition.js';
export { ALLOWED_TRANSITIONS, canTransition, FINAL_STATES } from './workflow/transitions.js';
