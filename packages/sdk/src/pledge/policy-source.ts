import { subjectKeyFingerprint } from '@pledge/store';
import type { PledgeClient } from '../client/client.js';
import type { LedgerEvent, SdkConfigResponse } from '../client/types.js';
import { SubjectKeyMismatchError } from './errors.js';
import { buildRuntime, type PolicyRuntime } from './policy-runtime.js';

/**
 * Holds the policy the SDK decides with and keeps it current: it re-reads `/v1/sdk/config`
 * when the change feed shows a policy hash not seen before, every `refreshMs`, or on demand,
 * and recompiles when the server's policy changed.
 */
export class PolicySource {
  readonly #client: PledgeClient;
  readonly #onError: (error: unknown) => void;
  readonly #onKeyChange: () => void;
  readonly #known = new Set<string>();
  readonly #pinned: boolean;
  #runtime: PolicyRuntime;
  #key: string;
  #refreshing: Promise<boolean> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    client: PledgeClient,
    config: SdkConfigResponse,
    refreshMs: number,
    onError: (error: unknown) => void,
    onKeyChange: () => void,
    pinned = false,
  ) {
    this.#pinned = pinned;
    this.#client = client;
    this.#onError = onError;
    this.#onKeyChange = onKeyChange;
    this.#runtime = buildRuntime(config, 0);
    this.#key = config.subjectKey;
    this.#known.add(config.hash);
    if (refreshMs > 0) this.#schedule(refreshMs);
  }

  get runtime(): PolicyRuntime {
    return this.#runtime;
  }

  /** Key of the subject hashes. */
  get subjectKey(): string {
    return this.#key;
  }

  /** Re-reads the config; recompiles when the policy changed. Returns whether it did. */
  refresh(): Promise<boolean> {
    if (this.#refreshing) return this.#refreshing;
    const run = async () => {
      const config = await this.#client.sdkConfig();
      this.#known.add(config.hash);
      if (this.#pinned) {
        // The application's own key: the server moving to another key is an error, not a switch.
        const mine = subjectKeyFingerprint(this.#key);
        if (mine !== config.subjectKeyFingerprint)
          throw new SubjectKeyMismatchError('the subjectKey option', mine, config.subjectKeyFingerprint);
      } else if (config.subjectKey !== this.#key) {
        this.#key = config.subjectKey;
        this.#onKeyChange();
      }
      const current = this.#runtime;
      if (config.hash === current.hash && config.versions.length === current.versionCount) return false;
      this.#runtime = buildRuntime(config, current.generation + 1);
      return true;
    };
    this.#refreshing = run().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** Looks at feed events: a policy hash not seen before triggers one refresh. */
  notice(events: readonly LedgerEvent[]): void {
    let unknown = false;
    for (const event of events) {
      if (this.#known.has(event.policyHash)) continue;
      // Remembered at once: an instance still serving an older version cannot make us loop.
      this.#known.add(event.policyHash);
      unknown = true;
    }
    if (unknown) this.refresh().catch(this.#onError);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #schedule(everyMs: number): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.refresh()
        .catch(this.#onError)
        .finally(() => this.#schedule(everyMs));
    }, everyMs);
    // A policy refresher alone must not keep the process alive.
    this.#timer.unref();
  }
}
