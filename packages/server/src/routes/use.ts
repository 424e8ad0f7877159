import { RecordUseBody, RecordUseResponse } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { BODY_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { auditRequest } from '../security/audit.js';

/** `POST /v1/use`: use of the service as acceptance of the policy, where the manifest says so. */
export function registerUseRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: z.infer<typeof RecordUseBody> }>(
    '/use',
    {
      schema: {
        summary: 'Record use of the service as acceptance of the policy',
        description:
          "Where the manifest says use means acceptance (policy.useMeansAcceptance), records a 'policy-accepted' event once per subject and policy version.",
        tags: ['consents'],
        body: RecordUseBody,
        response: { 200: RecordUseResponse, ...BODY_ERRORS },
      },
    },
    async (request) => {
      const recorded = await rt.engine.recordUse(request.body.subject, request.body.source);
      if (recorded)
        await auditRequest(rt, request, [{ action: 'consent-write', subject: request.body.subject }]);
      return { recorded };
    },
  );
}
