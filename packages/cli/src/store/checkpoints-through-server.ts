import type { ChainAnchor, LedgerVerification, SignedCheckpoint } from '@pledge/store';

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

async function post<T>(
  url: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), {
      method: 'POST',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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
      message: `${url} answered ${res.status}: set PLEDGE_API_TOKEN to a credential it accepts`,
    };
  }
  if (!res.ok) {
    const message = (
      (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
    )?.error?.message;
    return { ok: false, message: `${url} answered ${res.status}${message ? `: ${message}` : ''}` };
  }
  return { ok: true, value: (await res.json()) as T };
}

/** `POST /v1/ledger/verify` with anchors the CLI checked: verify --checkpoints while a server holds the database. */
export function verifyAnchorsThroughServer(
  url: string,
  token: string | undefined,
  anchors: readonly ChainAnchor[],
): Promise<Answer<LedgerVerification>> {
  return post(url, '/v1/ledger/verify', token, { anchors });
}

/** `POST /v1/ledger/checkpoints`: the server signs with its own key into its own sink. */
export function checkpointThroughServer(
  url: string,
  token: string | undefined,
): Promise<Answer<CheckpointsAnswer>> {
  return post(url, '/v1/ledger/checkpoints', token);
}
