import { type ApiIssue, errorBody, type ServerErrorCode } from '@pledge/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * An expected failure a route answers with; its code is one of the catalogue's
 * (`@pledge/protocol`, docs/errors.md) and its message must not contain personal data.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: ServerErrorCode;
  readonly issues: ApiIssue[] | undefined;

  constructor(statusCode: number, code: ServerErrorCode, message: string, issues?: ApiIssue[]) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
  }
}

/**
 * Fastify's own client errors, each answered with a fixed message: some of Fastify's messages
 * quote the request (a JSON syntax error quotes the body), which may hold personal data.
 */
const FASTIFY_ERRORS: Record<string, { code: ServerErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid-json', message: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid-json',
    message: "the body is empty but content-type is 'application/json'",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload-too-large', message: 'the body is larger than allowed' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported-media-type',
    message: 'unsupported content-type: send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad-request',
    message: 'content-length does not match the body',
  },
};

/** Fixed messages by status for any other client error. */
const STATUS_MESSAGES: Record<number, { code: ServerErrorCode; message: string }> = {
  400: { code: 'bad-request', message: 'bad request' },
  404: { code: 'not-found', message: 'not found' },
  405: { code: 'method-not-allowed', message: 'method not allowed' },
  406: { code: 'not-acceptable', message: 'not acceptable' },
  408: { code: 'request-timeout', message: 'request timeout' },
  413: { code: 'payload-too-large', message: 'the body is larger than allowed' },
  415: { code: 'unsupported-media-type', message: 'unsupported content-type' },
};

/**
 * The one error handler. Validation failures (see `zod-bridge.ts`) and {@link HttpError}s
 * keep their status, code, message and issues; Fastify's client errors get a stable code
 * and a fixed message (never echoing the request); a JSON syntax error or prototype
 * poisoning attempt is a 400; anything else is logged and answered with a bare 500.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.issues));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = FASTIFY_ERRORS[error.code] ??
        STATUS_MESSAGES[status] ?? { code: 'bad-request', message: 'bad request' };
      return reply.status(status).send(errorBody(known.code, known.message));
    }
    // A JSON body with `__proto__` or `constructor.prototype` is refused by the parser with a plain error.
    if (error instanceof SyntaxError || /prototype property/.test(error.message)) {
      return reply.status(400).send(errorBody('invalid-json', 'the body is not valid JSON'));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody('internal', 'internal error'));
  });
  // The path is not echoed: it may hold an identifier.
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('not-found', `no such route for ${request.method}: see /docs`)),
  );
}

/** An engine's refusal of a request body (a stable code and the field at fault) as a 400. */
export function refusal(
  refused: { code: string; path: string; message: string },
  message = `body ${refused.path}: ${refused.message}`,
): HttpError {
  return new HttpError(400, 'bad-request', message, [
    { path: refused.path, code: refused.code, message: refused.message },
  ]);
}
