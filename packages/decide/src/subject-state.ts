import { draftSubjectState, packSubjectState } from './packed-subject.js';
import type { CompiledPolicy } from './policy.js';
import type { SubjectFacts, SubjectState } from './subject-types.js';

// The types live in subject-types.ts, so packed-subject.ts can use them without importing this file back.
export type { ConsentRecord, GivenConsentMode, SubjectFacts, SubjectState } from './subject-types.js';

/** A subject with no consents, objections, restrictions or opt-outs. */
export function emptySubjectState(policy: CompiledPolicy, facts: SubjectFacts = {}): SubjectState {
  return packSubjectState(policy, draftSubjectState(policy, facts));
}
