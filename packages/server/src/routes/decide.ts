import { type Decision, decide } from '@pledge/decide';
import { DecideBatchBody, DecideBatchResponse, DecideBody, DecisionJson } from '@pledge/protocol';
import type { LedgerEvent } from '@pledge/store';
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
    async (request) => ({ decisions: await decideBatch(rt, request.body.requests) }),
  );
}

/** Decides every request against one policy, reading each distinct subject's events once. */
async function decideBatch(rt: Runtime, requests: readonly DecideBody[]): Promise<Decision[]> {
  const subjects = [...new Set(requests.flatMap((r) => (r.subject === undefined ? [] : [r.subject])))];
  const events = new Map<string, LedgerEvent[]>();
  await Promise.all(
    subjects.map(async (subject) => {
      events.set(subject, await rt.engine.events(subject));
    }),
  );
  // Taken after the reads, with no await until the end: every decision of the batch, and the
  // renewal check inside stateFromEvents, use one and the same policy version.
  const { compiled } = rt.engine.policy;
  return requests.map((r) =>
    decide(
      compiled,
      {
        purpose: r.purpose,
        categories: r.categories,
        recipient: r.recipient,
        jurisdiction: r.jurisdiction,
        destinationCountry: r.destinationCountry,
      },
      rt.engine.stateFromEvents(r.subject === undefined ? [] : (events.get(r.subject) ?? []), r.facts),
    ),
  );
}
