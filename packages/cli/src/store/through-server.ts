import type { LedgerVerification } from '@pledge/store';

/** How long to wait for a server's answer, ms (verifying a long chain takes a while). */
const TIMEOUT_MS = 10 * 60_000;

/**
 * `GET /v1/ledger/verify` on a running server: what `pledge ledger verify` does when that
 * server holds the embedded database, with PLEDGE_API_KEY (a `ledger:read` key) when set.
 */
export async function verifyThroughServer(
  url: string,
  token: string | undefined,
): Promise<{ ok: true; verification: LedgerVerification } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetch(new URL('/v1/ledger/verify', url), {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      message: `cannot reach ${url} (${cause ?? (error instanceof Error ? error.name : 'error')})`,
    };
  }
  if (res.status === 401 || res.status === 403) {
    return {
      ok: false,
      message: `${url} answered ${res.status}: set PLEDGE_API_KEY to a key with the ledger:read scope`,
    };
  }
  if (!res.ok) return { ok: false, message: `${url} answered ${res.status}` };
  return { ok: true, verification: (await res.json()) as LedgerVerification };
}
