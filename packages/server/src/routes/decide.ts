import { DecideBatchBody, DecideBatchResponse, DecideBody, DecisionJson } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { BODY_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

/** `POST /v1/decide` and `POST /v1/decide/batch`. */
export function registerDecideRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: DecideBody }>(
    '/decide',
    {
      schema: {
        summary: 'Decide one request',
        description:
          "May this purpose use these categories of this subject? Reads the subject's ledger events and the facts given (jurisdiction, age, gpc, dnt).",
        tags: ['decisions'],
        body: DecideBody,
        response: { 200: DecisionJson, ...BODY_ERRORS },
      },
    },
    async (request) => rt.engine.decide(request.body),
  );

  app.post<{ Body: z.infer<typeof DecideBatchBody> }>(
    '/decide/batch',
    {
      schema: {
        summary: 'Decide up to 1000 requests',
        description: "Each subject's events are read once for the whole batch.",
        tags: ['decisions'],
        body: DecideBatchBody,
        response: { 200: DecideBatchResponse, ...BODY_ERRORS },
      },
    },
    async (request) => ({ decisions: await rt.engine.decideBatch(request.body.requests) }),
  );
}
