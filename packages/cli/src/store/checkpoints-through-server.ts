import type { ChainAnchor, LedgerVerification, SignedCheckpoint } from '@pledge/store';
import { callServerFor } from './server-call.js';

/** The answer of `POST /v1/ledger/checkpoints`. */
export interface CheckpointsAnswer {
  ok: boolean;
  checkpoints: Array<SignedCheckpoint & { name: string }>;
  broken: Array<{
    chain: string;
    faultCount: number;
    faults: Array<{ fault: string; seq: number; message: string }>;
  }>;
}

/** How long to wait for a server's answer, ms (verifying a long chain takes a while). */
const TIMEOUT_MS = 10 * 60_000;

type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

function post<T>(url: string, path: string, key: string | undefined, scope: string, body?: unknown) {
  return callServerFor<T>(url, key, {
    method: 'POST',
    path,
    timeoutMs: TIMEOUT_MS,
    scope,
    ...(body === undefined ? {} : { body }),
  });
}

/** `POST /v1/ledger/verify` with anchors the CLI checked: verify --checkpoints while a server holds the database. */
export function verifyAnchorsThroughServer(
  url: string,
  token: string | undefined,
  anchors: readonly ChainAnchor[],
): Promise<Answer<LedgerVerification>> {
  return post(url, '/v1/ledger/verify', token, 'ledger:read', { anchors });
}

/** `POST /v1/ledger/checkpoints`: the server signs with its own key into its own sink. */
export function checkpointThroughServer(
  url: string,
  token: string | undefined,
): Promise<Answer<CheckpointsAnswer>> {
  return post(url, '/v1/ledger/checkpoints', token, 'admin');
}
