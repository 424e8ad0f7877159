/** Keeps the cache fresh by asking the change feed every `intervalMs` (no database access needed). */
export { PollFeed } from '@pledge/store';
