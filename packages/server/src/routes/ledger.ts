import { ChangesQuery, ChangesResponse, VerificationResponse } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { toLedgerEventJson } from '../ledger-json.js';
import { V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

/** `GET /v1/ledger/verify` and `GET /v1/ledger/changes?after=&limit=`. */
export function registerLedgerRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/ledger/verify',
    {
      schema: {
        summary: 'Verify the whole hash chain',
        description:
          'Recomputes every hash and link; when the chain is broken, names the first bad event and what is wrong with it.',
        tags: ['ledger'],
        response: { 200: VerificationResponse, ...V1_ERRORS },
      },
    },
    async () => rt.engine.verify(),
  );

  app.get<{ Querystring: z.infer<typeof ChangesQuery> }>(
    '/ledger/changes',
    {
      schema: {
        summary: 'The change feed',
        description:
          "Events after a sequence number, oldest first: consent caches follow it. Loop with after = lastSeq until 'events' is empty.",
        tags: ['ledger'],
        querystring: ChangesQuery,
        response: { 200: ChangesResponse, ...V1_ERRORS },
      },
    },
    async (request) => {
      const { after, limit } = request.query;
      const events = await rt.engine.changesSince(after, limit);
      return { events: events.map(toLedgerEventJson), lastSeq: events.at(-1)?.seq ?? after };
    },
  );
}
