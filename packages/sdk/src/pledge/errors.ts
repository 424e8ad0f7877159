import type { ErrorCode } from '@pledge/protocol';

/**
 * Thrown by the synchronous `Pledge.decide` and `Pledge.state` when the subject's events are
 * not in the cache yet: call `decideAsync`, or `load(subject)` first. The message never names
 * the subject.
 */
export class SubjectNotCachedError extends Error {
  override readonly name = 'SubjectNotCachedError';
  readonly code = 'subject-not-cached' satisfies ErrorCode;

  constructor() {
    super('subject is not in the consent cache: use decideAsync() or load() first');
  }
}
