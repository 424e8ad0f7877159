export { reviewBanner } from './banner.js';
export { FINDING_TITLES, findingDetails, formatInstant, formatPeriod } from './format.js';
export { type FormProblem, type ReviewsPageModel, renderReviewsPage } from './list-page.js';
export { isReviewed, type ReviewPageModel, renderReviewPage } from './review-page.js';
