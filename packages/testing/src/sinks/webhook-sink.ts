import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A POST the sink received. */
export interface SunkWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what a signature covers). */
  body: string;
  /** The status the sink answered. */
  status: number;
}

/** An HTTP server a test starts to receive webhooks. */
export interface WebhookSink {
  url: string;
  received: SunkWebhook[];
  /** Resolves with the first request (already received or still to come) matching `match`. */
  next(match?: (hook: SunkWebhook) => boolean, timeoutMs?: number): Promise<SunkWebhook>;
  close(): Promise<void>;
}

/**
 * Starts an HTTP receiver on 127.0.0.1. `respond` picks the status for each request
 * (counted from 1, given the request): default 200.
 */
export async function startWebhookSink(
  options: { respond?: (n: number, hook: Omit<SunkWebhook, 'status'>) => number } = {},
): Promise<WebhookSink> {
  const received: SunkWebhook[] = [];
  const waiters = new Set<(hook: SunkWebhook) => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hook = {
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const status = options.respond?.(received.length + 1, hook) ?? 200;
      const full = { ...hook, status };
      received.push(full);
      res.writeHead(status).end();
      for (const w of waiters) w(full);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    next(match = () => true, timeoutMs = 10_000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (hook: SunkWebhook) => {
          if (!match(hook)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(hook);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('no matching webhook arrived'));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
