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

/**
 * Thrown by `createPledge` (and reported by policy refreshes) when the subject key the SDK is
 * configured with is not the server's: its fingerprint differs from the one in
 * `/v1/sdk/config`. Decisions with it would find nobody's consent. The message names the
 * setting and the fingerprints, never a key.
 */
export class SubjectKeyMismatchError extends Error {
  override readonly name = 'SubjectKeyMismatchError';
  readonly code = 'subject-key.mismatch';
  /** The option that holds the wrong key. */
  readonly setting: string;

  constructor(setting: string, fingerprint: string, serverFingerprint: string) {
    super(
      `${setting} is not the server's subject key (key fingerprint ${fingerprint}, server ${serverFingerprint}); configure the key the server uses (PLEDGE_SUBJECT_KEY) or leave ${setting} unset to take it from /v1/sdk/config`,
    );
    this.setting = setting;
  }
}
