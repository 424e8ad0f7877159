/** The access reviews pages (`/console/reviews`) and the banner the dashboard shows. */
export * from './reviews/index.js';
