/** Something that POSTs a webhook: `fetch` in production. */
export interface WebhookTransport {
  /** Resolves when the receiver answered 2xx; rejects with the status otherwise. */
  post(url: string, body: string, headers: Record<string, string>): Promise<void>;
}

/** Posts with the global `fetch`, giving up after `timeoutMs`. */
export function fetchWebhookTransport(timeoutMs = 10_000): WebhookTransport {
  return {
    async post(url, body, headers) {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      // Drain so the connection is reused.
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`receiver answered HTTP ${response.status}`);
    },
  };
}
