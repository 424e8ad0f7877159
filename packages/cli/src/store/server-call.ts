/** How long to wait for a server's answer, ms. */
const TIMEOUT_MS = 60_000;

/**
 * One call to the API of the running server that holds the embedded store, with the CLI's
 * key (PLEDGE_API_KEY) when set; with no key, the server answers only in development mode
 * (it advertises a loopback address). Returns the JSON answer or a message saying why not.
 */
export async function callServer(
  url: string,
  key: string | undefined,
  request: { method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown },
): Promise<{ ok: true; status: number; json: unknown } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetch(new URL(request.path, url), {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      message: `cannot reach ${url} (${cause ?? (error instanceof Error ? error.name : 'error')})`,
    };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.status === 401 || res.status === 403) {
    const code = (json as { error?: { code?: string } } | undefined)?.error?.code ?? '';
    return {
      ok: false,
      message: `${url} answered ${res.status} ${code}: set PLEDGE_API_KEY to a key with the scope this command needs`,
    };
  }
  return { ok: true, status: res.status, json };
}
