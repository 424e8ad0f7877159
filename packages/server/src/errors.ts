import type { FastifyError, FastifyInstance } from 'fastify';

/** Body of every error response. */
export interface ErrorBody {
  error: {
    /** Stable code: `bad-request`, `not-found`, `internal`, or a Fastify 4xx code in kebab case. */
    code: string;
    message: string;
    /** The query or body parameter at fault, when there is one. */
    parameter?: string;
  };
}

const WHERE: Record<string, string> = {
  querystring: 'query parameter',
  body: 'body field',
  params: 'path parameter',
  headers: 'header',
};

/**
 * The one error handler: schema validation failures become a 400 naming the parameter (never
 * echoing its value, which may be personal data); other client errors keep their status;
 * anything else is logged and answered with a bare 500.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation && error.validation.length > 0) {
      const first = error.validation[0]!;
      const context = WHERE[error.validationContext ?? ''] ?? 'parameter';
      const parameter =
        first.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        String((first.params as { missingProperty?: string }).missingProperty ?? '');
      const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
      const message = allowed
        ? `${context} '${parameter}' must be one of: ${allowed.join(', ')}`
        : `${context} '${parameter}' is invalid (${first.keyword})`;
      const body: ErrorBody = { error: { code: 'bad-request', message, parameter } };
      return reply.status(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (error.code ?? 'bad-request')
        .toLowerCase()
        .replace(/^fst_err_/, '')
        .replaceAll('_', '-');
      return reply.status(status).send({ error: { code, message: error.message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'internal error' } } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'not-found', message: `no route for ${request.method} ${request.url.split('?')[0]}` },
    };
    return reply.status(404).send(body);
  });
}
