import {
  type ReviewPageModel,
  type ReviewsPageModel,
  renderReviewPage,
  renderReviewsPage,
} from '@pledge/console';
import {
  openAccessReview,
  parseReviewPeriod,
  reviewStatus,
  signOffReview,
  typedReview,
} from '@pledge/engine';
import { getAccessReview, listAccessReviews, type ReviewRefusalCode } from '@pledge/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../console/require-permission.js';
import { consolePageContext } from '../console/state.js';
import { HttpError } from '../errors.js';
import { formField } from '../form-field.js';
import type { Runtime } from '../runtime.js';

const HTML = 'text/html; charset=utf-8';

/** The HTTP status of each refusal: bad input 400, a missing review 404, a rule of sign-off 409. */
const REFUSAL_STATUS: Readonly<Record<ReviewRefusalCode, number>> = {
  'review.period-invalid': 400,
  'review.period-open': 400,
  'review.note-too-long': 400,
  'review.not-found': 404,
  'review.already-signed': 409,
  'review.reviewer-reviewed': 409,
  'review.overlaps-signed': 409,
};

/**
 * The access reviews pages (P0-31), behind the `reviews:sign` permission: `GET /console/reviews`
 * (status, reviews, a form to open one), `POST /console/reviews` (open a review of a period),
 * `GET /console/reviews/:id` (findings and the sign-off form) and `POST /console/reviews/:id/sign`.
 * A refused form is the page again with the reason, with status 400, 404 or 409.
 */
export function registerReviewRoutes(app: FastifyInstance, rt: Runtime): void {
  const guard = requirePermission('reviews:sign');

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form?: ReviewsPageModel['form'],
    status = 200,
  ) {
    const model: ReviewsPageModel = {
      ...consolePageContext(request),
      status: await reviewStatus(rt.store, rt.context().manifest, new Date()),
      reviews: (await listAccessReviews(rt.store.db)).map(typedReview),
      ...(form ? { form } : {}),
    };
    return reply.code(status).type(HTML).send(renderReviewsPage(model));
  }

  async function reviewPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    signOff?: ReviewPageModel['signOff'],
    status = 200,
  ) {
    const review = await getAccessReview(rt.store.db, id);
    if (!review) throw new HttpError(404, 'not-found', 'no access review has this id');
    const model: ReviewPageModel = {
      ...consolePageContext(request),
      review: typedReview(review),
      ...(signOff ? { signOff } : {}),
    };
    return reply.code(status).type(HTML).send(renderReviewPage(model));
  }

  app.get('/console/reviews', { preHandler: guard }, (request, reply) => listPage(request, reply));

  app.post('/console/reviews', { preHandler: guard }, async (request, reply) => {
    const from = formField(request.body, 'from');
    const to = formField(request.body, 'to');
    const form = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const period = parseReviewPeriod(from, to);
    if (!period.ok) return listPage(request, reply, { ...form, problem: period.refusal }, 400);
    const { user } = consolePageContext(request);
    const opened = await openAccessReview(rt.store, rt.context().manifest, {
      period: period.period,
      createdBy: user.id,
      now: new Date(),
    });
    if (!opened.ok) {
      return listPage(
        request,
        reply,
        { ...form, problem: opened.refusal },
        REFUSAL_STATUS[opened.refusal.code],
      );
    }
    return reply.redirect(`/console/reviews/${encodeURIComponent(opened.review.id)}`, 303);
  });

  app.get<{ Params: { id: string } }>('/console/reviews/:id', { preHandler: guard }, (request, reply) =>
    reviewPage(request, reply, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/console/reviews/:id/sign',
    { preHandler: guard },
    async (request, reply) => {
      const { user } = consolePageContext(request);
      const note = formField(request.body, 'note')?.trim();
      const signed = await signOffReview(rt.store, {
        id: request.params.id,
        reviewer: { kind: 'user', id: user.id },
        ...(note ? { note } : {}),
        now: new Date(),
      });
      if (!signed.ok) {
        if (signed.refusal.code === 'review.not-found') {
          throw new HttpError(404, 'not-found', signed.refusal.message);
        }
        return reviewPage(
          request,
          reply,
          request.params.id,
          { ...(note ? { note } : {}), problem: signed.refusal },
          REFUSAL_STATUS[signed.refusal.code],
        );
      }
      return reply.redirect(`/console/reviews/${encodeURIComponent(request.params.id)}`, 303);
    },
  );
}
