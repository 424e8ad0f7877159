/** How long to wait for a server's answer by default, ms. */
const TIMEOUT_MS = 60_000;

/** A call to the running server's API. */
export interface ServerRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** How long to wait, ms; default one minute (verifying a long chain wants more). */
  timeoutMs?: number;
  /** The scope the route needs, named when the server refuses the key. */
  scope?: string;
}

/** A server's answer: its status and JSON body, or a message saying why there is none. */
export type ServerAnswer = { ok: true; status: number; json: unknown } | { ok: false; message: string };

/**
 * One call to the API of the running server that holds the embedded store, with the CLI's
 * key (PLEDGE_API_KEY) when set; with no key, the server answers only in development mode
 * (it advertises a loopback address). Returns the JSON answer or a message saying why not.
 */
export async function callServer(
  url: string,
  key: string | undefined,
  request: ServerRequest,
): Promise<ServerAnswer> {
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
      signal: AbortSignal.timeout(request.timeoutMs ?? TIMEOUT_MS),
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
    const code = errorOf(json)?.code ?? '';
    const scope = request.scope ? `the ${request.scope} scope` : 'the scope this command needs';
    return {
      ok: false,
      message: `${url} answered ${res.status} ${code}: set PLEDGE_API_KEY to a key with ${scope}`,
    };
  }
  return { ok: true, status: res.status, json };
}

/**
 * A call whose answer must be a success: its JSON as `T`, or a message naming the status and
 * the server's own error message.
 */
export async function callServerFor<T>(
  url: string,
  key: string | undefined,
  request: ServerRequest,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const answer = await callServer(url, key, request);
  if (!answer.ok) return answer;
  if (answer.status >= 400) {
    const message = errorOf(answer.json)?.message;
    return { ok: false, message: `${url} answered ${answer.status}${message ? `: ${message}` : ''}` };
  }
  return { ok: true, value: answer.json as T };
}

function errorOf(json: unknown): { code?: string; message?: string } | undefined {
  return (json as { error?: { code?: string; message?: string } } | undefined)?.error;
}
