import type { Manifest } from '@pledge/core';
import { createEngine, type Engine, type PolicySync } from '@pledge/engine';
import { migrateRequests } from '@pledge/requests';
import { openStore, resolveSubjectKey, type Store } from '@pledge/store';
import { createContext, type ServerContext } from './context.js';

/** Options of {@link openRuntime}. */
export interface RuntimeOptions {
  /** The manifest the deployment starts with; published as a version if new. */
  manifest: Manifest;
  /** Where it came from, for display. */
  source: string;
  /** The store; default a new in-memory PGlite, closed by {@link Runtime.close}. */
  store?: Store;
  /** PLEDGE_SUBJECT_KEY; default the embedded store's key file (PostgreSQL: required). */
  subjectKey?: string;
  /** How often to check for a version published by another process, ms; 0 never. */
  policySyncMs?: number;
  /** Where warnings go. */
  warn?: (message: string) => void;
}

/** The engine, its store and the page context of the policy in force. */
export interface Runtime {
  readonly engine: Engine;
  readonly store: Store;
  /** The key of subject hashes, for SDKs (`GET /v1/sdk/config`). */
  readonly subjectKey: string;
  /** Lint findings and renders of the policy in force (computed once per version). */
  context(): ServerContext;
  /**
   * Makes the latest published version the one in force, when another process (a worker
   * sharing the PostgreSQL database) published one since.
   */
  syncPolicy(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the engine over a store. The policy in force is always the latest published
 * version: when the starting manifest is an older version (published before, then
 * superseded through `POST /v1/policies`), the latest one stays in force and a warning
 * says so, so restarting a worker never silently rolls the policy back.
 */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openStore());
  let sync: PolicySync | undefined;
  try {
    const engine = await createEngine({
      store,
      manifest: options.manifest,
      ...(options.subjectKey ? { subjectKey: options.subjectKey } : {}),
    });
    const subjectKey = await resolveSubjectKey(store, options.subjectKey);
    await migrateRequests(store.db);
    let cached: { hash: string; context: ServerContext } | undefined;
    const syncPolicy = async (): Promise<void> => {
      await engine.syncPolicy();
    };

    const started = engine.policy.version;
    await syncPolicy();
    if (engine.policy.version.hash !== started.hash) {
      options.warn?.(
        `${options.source} is policy version ${started.version} (seq ${started.seq}), superseded by version ${engine.policy.version.version} (seq ${engine.policy.version.seq}), which stays in force`,
      );
    }
    if (options.policySyncMs && options.policySyncMs > 0) {
      sync = engine.startPolicySync(options.policySyncMs, (error: unknown) =>
        options.warn?.(`policy sync failed: ${error instanceof Error ? error.message : 'error'}`),
      );
    }

    return {
      engine,
      store,
      subjectKey,
      context() {
        const { hash, version, seq } = engine.policy.version;
        if (cached?.hash !== hash) {
          const source = hash === started.hash ? options.source : `published version ${version} (seq ${seq})`;
          cached = { hash, context: createContext(engine.policy.manifest, source) };
        }
        return cached.context;
      },
      syncPolicy,
      async close() {
        await sync?.stop();
        if (ownsStore) await store.close();
      },
    };
  } catch (error) {
    await sync?.stop();
    if (ownsStore) await store.close();
    throw error;
  }
}
