import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

/** Headers worth logging; everything else (user agent, forwarded addresses) is left out as personal data. */
const LOGGED_HEADERS = [
  'host',
  'content-type',
  'content-length',
  'accept',
  'accept-language',
  'sec-gpc',
  'dnt',
];
/** Credentials: logged only as `[redacted]`, so a log shows they were sent but never what they were. */
export const REDACTED_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];

/** Logging options for {@link buildServer}. */
export interface LogOptions {
  level?: string;
  /** Where log lines go; default stdout. */
  stream?: DestinationStream;
}

interface RequestLike {
  id?: string;
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
}

/**
 * Fastify's pino logger with no personal data: requests are logged as method, route (the
 * route's path pattern, so a path that matches no route, which could hold an identifier, is
 * not logged; never the query string or the body) and a short allow-list of headers, without
 * the client address; credentials are redacted.
 */
export function loggerOptions(options: LogOptions | false): FastifyServerOptions['logger'] {
  if (options === false) return false;
  return {
    level: options.level ?? 'info',
    ...(options.stream ? { stream: options.stream } : {}),
    redact: {
      paths: REDACTED_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `headers["${h}"]`]).concat(
        'res.headers["set-cookie"]',
      ),
      censor: '[redacted]',
    },
    serializers: {
      req(request: RequestLike) {
        const headers: Record<string, unknown> = {};
        for (const name of [...LOGGED_HEADERS, ...REDACTED_HEADERS]) {
          const value = request.headers?.[name];
          if (value !== undefined) headers[name] = value;
        }
        const path = request.routeOptions?.url ?? '(no route)';
        return { id: request.id, method: request.method, path, headers };
      },
    },
  };
}
