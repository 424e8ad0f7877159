import { ChangesQuery, ChangesResponse, VerificationResponse } from '@pledge/protocol';
import { AUDIT_LIMITS } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { toLedgerEventJson } from '../ledger-json.js';
import { V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { auditRequest } from '../security/audit.js';

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
          "Events after a sequence number, oldest first: consent caches follow it. Loop with after = lastSeq until 'events' is empty. Every page is recorded in the access audit log before it is answered: one 'ledger-read' entry per subject in it, with the number of that subject's events and their categories.",
        tags: ['ledger'],
        querystring: ChangesQuery,
        response: { 200: ChangesResponse, ...V1_ERRORS },
      },
    },
    async (request) => {
      const { after, limit } = request.query;
      const events = await rt.engine.changesSince(after, limit);
      // Recorded before the answer, per subject: a read that cannot be audited is not served.
      const bySubject = new Map<string, { count: number; categories: Set<string> }>();
      for (const event of events) {
        const seen = bySubject.get(event.pseudonym) ?? { count: 0, categories: new Set<string>() };
        seen.count += 1;
        for (const category of event.categories) seen.categories.add(category);
        bySubject.set(event.pseudonym, seen);
      }
      await auditRequest(
        rt,
        request,
        [...bySubject].map(([pseudonym, seen]) => ({
          action: 'ledger-read' as const,
          pseudonym,
          count: seen.count,
          categories: [...seen.categories].slice(0, AUDIT_LIMITS.categories),
        })),
      );
      return { events: events.map(toLedgerEventJson), lastSeq: events.at(-1)?.seq ?? after };
    },
  );
}
