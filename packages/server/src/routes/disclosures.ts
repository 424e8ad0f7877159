import { checkDisclosure } from '@pledge/engine';
import { DisclosureAllowedResponse, DisclosureBody } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { HttpError } from '../errors.js';
import { BODY_ERRORS, errorResponse } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { auditRequest } from '../security/audit.js';
import { principalOf } from '../security/principal.js';

/** `POST /v1/disclosures`: `disclose` scope. */
export function registerDisclosureRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: z.output<typeof DisclosureBody> }>(
    '/disclosures',
    {
      schema: {
        summary: 'Ask for, and log, a disclosure to a recipient',
        description:
          "Allowed (200) only when the recipient is known and engaged, the contracts it needs are on file and in force, an SDK has a passed security inspection, the purpose and categories are declared for it, and the subject's ledger allows it (with a separate consent naming the recipient where the law requires one). A disclosure compelled by law (basis legal-obligation) needs its legalReference and no consent. Refused: 403 disclosure-refused with every reason in issues. Every decision is logged with a keyed hash of the subject.",
        tags: ['recipients'],
        body: DisclosureBody,
        response: {
          200: DisclosureAllowedResponse,
          ...BODY_ERRORS,
          403: errorResponse(
            'Refused (disclosure-refused, every reason in issues), or the key lacks the scope',
          ),
        },
      },
    },
    async (request) => {
      await rt.syncPolicy();
      // Allowed or refused, a decision reads the subject's ledger: it goes to the access audit
      // log first, so a decision that cannot be recorded is not made.
      await auditRequest(rt, request, [
        {
          action: 'disclosure',
          subject: request.body.subject,
          purpose: request.body.purpose,
          categories: request.body.categories,
        },
      ]);
      const decision = await checkDisclosure(rt.engine, request.body, principalOf(request).id);
      if (!decision.allowed) {
        throw new HttpError(
          403,
          'disclosure-refused',
          `disclosure refused: ${decision.refusals.map((r) => r.code).join(', ')}`,
          decision.refusals.map(({ code, path, message }) => ({ code, path, message })),
        );
      }
      return { allowed: true as const, id: decision.id, basis: decision.basis };
    },
  );
}
