import type { LedgerVerification } from '@pledge/store';
import { callServerFor } from './server-call.js';

/** How long to wait for a server's answer, ms (verifying a long chain takes a while). */
const TIMEOUT_MS = 10 * 60_000;

/**
 * `GET /v1/ledger/verify` on a running server: what `pledge ledger verify` does when that
 * server holds the embedded database, with PLEDGE_API_KEY (a `ledger:read` key) when set.
 */
export async function verifyThroughServer(
  url: string,
  key: string | undefined,
): Promise<{ ok: true; verification: LedgerVerification } | { ok: false; message: string }> {
  const answer = await callServerFor<LedgerVerification>(url, key, {
    method: 'GET',
    path: '/v1/ledger/verify',
    timeoutMs: TIMEOUT_MS,
    scope: 'ledger:read',
  });
  return answer.ok ? { ok: true, verification: answer.value } : answer;
}
