export { type AnalyseOptions, analyseAccesses, DEFAULT_LOOKUP_ACTIONS } from './analyse.js';
export { auditAccessSource, toReviewedAccess } from './audit-source.js';
export { type ReviewDuenessInput, type ReviewStatus, reviewDueness } from './overdue.js';
export { parseReviewInstant, parseReviewPeriod } from './period.js';
export {
  type OpenReviewInput,
  openAccessReview,
  reviewStatus,
  type SignOffInput,
  signOffReview,
  type TypedAccessReview,
  typedReview,
} from './service.js';
export {
  type AccessSource,
  type ActorRef,
  type LookupWithoutRequestFinding,
  type OutsideHoursFinding,
  REVIEW_FINDING_CODES,
  type ReviewAnalysis,
  type ReviewedAccess,
  type ReviewFinding,
  type ReviewFindingCode,
  type ReviewPeriod,
  type ReviewSummary,
  type VolumeOutlierFinding,
} from './types.js';
export {
  DEFAULT_VOLUME_RULE,
  median,
  medianAbsoluteDeviation,
  type VolumeRule,
  volumeThreshold,
} from './volume.js';
export {
  DEFAULT_WORKING_HOURS,
  ISO_WEEKDAYS,
  type IsoWeekday,
  localWeekMinute,
  parseClock,
  type WorkingHours,
  withinWorkingHours,
  workingHoursFor,
} from './working-hours.js';
