import type { FastifyInstance } from 'fastify';
import { consoleUserOf, requirePermission } from '../console/index.js';
import { HttpError } from '../errors.js';
import { formText } from '../form-field.js';
import {
  ASSESSMENT_OUTCOMES,
  type AssessmentOutcome,
  assessObjection,
} from '../request-runner/objection-assessment.js';
import type { Runtime } from '../runtime.js';

/**
 * `POST /console/requests/:id/objection-assessment` (`requests:manage`): the console's form for
 * an officer's assessment of a verified objection (fields `outcome`, `note`), logged with the
 * user as its actor (see `assessObjection`); back to the queue.
 */
export function registerConsoleObjectionAssessment(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Params: { id: string } }>(
    '/console/requests/:id/objection-assessment',
    { preHandler: requirePermission('requests:manage') },
    async (request, reply) => {
      const outcome = formText(request.body, 'outcome');
      if (!outcome || !(ASSESSMENT_OUTCOMES as readonly string[]).includes(outcome)) {
        throw new HttpError(400, 'bad-request', 'form field outcome: not a known outcome', [
          { path: 'outcome', code: 'request.outcome-unknown', message: 'not a known outcome' },
        ]);
      }
      const user = consoleUserOf(request)!;
      const done = await assessObjection(
        rt,
        request.params.id,
        { outcome: outcome as AssessmentOutcome, note: formText(request.body, 'note') ?? '' },
        { kind: 'user', id: user.id },
      );
      if (!done.ok) {
        const issues = [{ path: done.path, code: done.code, message: done.message }];
        if (done.code === 'request.not-found')
          throw new HttpError(404, 'request-not-found', done.message, issues);
        if (done.code === 'request.text-required')
          throw new HttpError(400, 'bad-request', done.message, issues);
        throw new HttpError(409, 'request-transition-refused', done.message, issues);
      }
      await reply.redirect('/console/requests', 303);
    },
  );
}
