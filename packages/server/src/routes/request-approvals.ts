import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, refusal } from '../errors.js';
import { BODY_ERRORS, errorResponse } from '../openapi/responses.js';
import type { Execution } from '../request-runner/execution.js';
import type { Runtime } from '../runtime.js';
import { keyActor } from '../security/audit.js';

const IdParams = z.object({ id: z.string().uuid() });
type IdParams = z.infer<typeof IdParams>;

const ApproveBody = z
  .object({
    roots: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe(
        'When the DSR job matched several accounts: the count you confirm (default the count matched).',
      ),
  })
  .strict();

/** The plan an officer approved, as the API shows it. */
export const PlanSummaryJson = z.object({
  stage: z.enum(['before-run', 'needs-review']),
  kind: z.enum(['access', 'erase', 'rectify', 'restrict']),
  collections: z.array(
    z.object({ dataset: z.string(), collection: z.string(), rows: z.number().nullable() }),
  ),
  rootsMatched: z.number().nullable(),
});

/**
 * `POST /v1/requests/:id/approve` (`dsr` scope): an officer's approval of a request's plan,
 * before it runs (the manifest's `rights[].approval: officer`) or when its DSR job matched
 * several accounts; the runner then carries it out.
 */
export function registerApprovalRoutes(app: FastifyInstance, _rt: Runtime, execution: Execution): void {
  app.post<{ Params: IdParams; Body: z.infer<typeof ApproveBody> }>(
    '/requests/:id/approve',
    {
      schema: {
        summary: "Approve a request's plan",
        description:
          "For a request whose right needs an officer's approval (`rights[].approval: officer`), or whose DSR job matched several accounts (`needs-review`). Answers the plan summary approved; the request is then carried out.",
        tags: ['requests'],
        params: IdParams,
        body: ApproveBody,
        response: {
          200: z.object({ approved: z.literal(true), plan: PlanSummaryJson }),
          ...BODY_ERRORS,
          404: errorResponse('No such request'),
          409: errorResponse('Nothing waits for approval on this request'),
        },
      },
    },
    async (request) => {
      const approved = await execution.approve(request.params.id, keyActor(request), request.body.roots);
      if (!approved.ok) {
        if (approved.code === 'request.not-found')
          throw new HttpError(404, 'request-not-found', 'no data-subject request has this id', [
            { path: 'id', code: approved.code, message: approved.message },
          ]);
        if (approved.path === 'state')
          throw new HttpError(409, 'request-transition-refused', approved.message, [
            { path: approved.path, code: approved.code, message: approved.message },
          ]);
        throw refusal(approved);
      }
      return { approved: true as const, plan: approved.summary };
    },
  );
}
