import {
  AppendResponse,
  ConsentQueryBody,
  ConsentQueryResponse,
  ConsentWriteBody,
  type RecordConsentBody,
} from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { refusal } from '../errors.js';
import { toLedgerEventJson } from '../ledger-json.js';
import { BODY_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { refuseForeignActor, withKeyActor } from '../security/actor.js';
import { auditRequest } from '../security/audit.js';

/**
 * `POST /v1/consents` (append events for one subject, stamped with the policy version in
 * force) and `POST /v1/consents/query` (a subject's events; POST keeps the id out of URLs).
 */
export function registerConsentRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: z.infer<typeof RecordConsentBody> }>(
    '/consents',
    {
      schema: {
        summary: 'Record consent events for one subject',
        description:
          "Appends the events to the hash-chained ledger in one transaction, stamped with the policy version in force. The subject is stored only as a keyed hash. 'occurredAt' (default now) must lie between 1970-01-01 and five minutes from now. The events' 'actor' is the API key's (default 'subject'); a body naming another actor is refused (403 actor-not-allowed).",
        tags: ['consents'],
        body: ConsentWriteBody,
        response: { 201: AppendResponse, ...BODY_ERRORS },
      },
      preValidation: refuseForeignActor,
    },
    async (request, reply) => {
      const events = withKeyActor(request, request.body.events);
      const result = await rt.engine.record(request.body.subject, events);
      if (!result.ok) throw refusal(result);
      const purposes = new Set(events.flatMap((e) => e.purposes ?? []));
      await auditRequest(rt, request, [
        {
          action: 'consent-write',
          subject: request.body.subject,
          categories: events.flatMap((e) => e.categories ?? []),
          purpose: purposes.size === 1 ? [...purposes][0] : null,
        },
      ]);
      return reply.status(201).send({ events: result.events });
    },
  );

  app.post<{ Body: z.infer<typeof ConsentQueryBody> }>(
    '/consents/query',
    {
      schema: {
        summary: "A subject's consent events",
        description:
          "Every call is recorded in the access audit log (action 'ledger-read', the key, the subject's pseudonym) before it is answered.",
        tags: ['consents'],
        body: ConsentQueryBody,
        response: { 200: ConsentQueryResponse, ...BODY_ERRORS },
      },
    },
    async (request) => {
      const events = await rt.engine.events(request.body.subject);
      // Recorded before the answer: a read that cannot be audited is not served.
      await auditRequest(rt, request, [
        {
          action: 'ledger-read',
          ...(events[0] ? { pseudonym: events[0].pseudonym } : { subject: request.body.subject }),
          categories: events.flatMap((e) => e.categories),
        },
      ]);
      return {
        subjectHash: rt.engine.subjectHash(request.body.subject),
        events: events.map(toLedgerEventJson),
      };
    },
  );
}
