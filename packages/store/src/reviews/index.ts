export { createAccessReview, type NewAccessReview } from './open.js';
export { getAccessReview, lastSignedReview, listAccessReviews } from './read.js';
export { type ReviewSignOff, signOffAccessReview } from './sign-off.js';
export type { AccessReviewTable } from './table.js';
export {
  type AccessReview,
  actorLabel,
  REVIEW_NOTE_MAX,
  REVIEW_REFUSALS,
  REVIEW_STATUSES,
  type ReviewRefusal,
  type ReviewRefusalCode,
  type ReviewState,
} from './types.js';
