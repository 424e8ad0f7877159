import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, refusal } from '../errors.js';
import { BODY_ERRORS, errorResponse } from '../openapi/responses.js';
import { ASSESSMENT_OUTCOMES, assessObjection } from '../request-runner/objection-assessment.js';
import type { Runtime } from '../runtime.js';
import { keyActor } from '../security/audit.js';

const IdParams = z.object({ id: z.string().uuid() });
const AssessmentBody = z
  .object({
    outcome: z
      .enum(ASSESSMENT_OUTCOMES)
      .describe(
        'compelling-grounds: grounds override the objection, processing may resume; objection-upheld: it stays stopped.',
      ),
    note: z
      .string()
      .trim()
      .min(1)
      .max(5000)
      .describe('The grounds weighed; kept with the request, never in the ledger.'),
  })
  .strict();

/**
 * `POST /v1/requests/:id/objection-assessment` (`dsr` scope): an officer's assessment of a
 * verified objection (P0-53). Until one is logged the objection keeps legitimate-interest
 * processing stopped for the person; `compelling-grounds` lifts it in the ledger.
 */
export function registerObjectionAssessmentRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Params: z.infer<typeof IdParams>; Body: z.infer<typeof AssessmentBody> }>(
    '/requests/:id/objection-assessment',
    {
      schema: {
        summary: 'Log the assessment of an objection to legitimate-interest processing',
        tags: ['requests'],
        params: IdParams,
        body: AssessmentBody,
        response: {
          200: z.object({
            id: z.string(),
            outcome: z.enum(ASSESSMENT_OUTCOMES),
            lifted: z.boolean().describe('Whether the objection was lifted in the ledger.'),
          }),
          ...BODY_ERRORS,
          404: errorResponse('No such request'),
          409: errorResponse('The request is not a verified objection'),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const done = await assessObjection(rt, id, request.body, keyActor(request));
      if (!done.ok) {
        const issues = [{ path: done.path, code: done.code, message: done.message }];
        if (done.code === 'request.not-found') {
          throw new HttpError(404, 'request-not-found', 'no data-subject request has this id', issues);
        }
        if (done.code === 'request.text-required') throw refusal(done);
        throw new HttpError(409, 'request-transition-refused', done.message, issues);
      }
      return { id, outcome: request.body.outcome, lifted: done.lifted };
    },
  );
}
