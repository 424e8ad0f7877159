import {
  renderConsolePage,
  renderDashboard,
  renderDataMap,
  renderPolicies,
  renderPolicyVersion,
  renderPublishReview,
} from '@pledge/console';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { requiredFormField } from '../form-field.js';
import type { Runtime } from '../runtime.js';
import { loadDashboard } from './dashboard-loader.js';
import { dataMapOf } from './data-map-loader.js';
import { loadPolicies, loadPolicyVersion } from './policies-loader.js';
import { publishReviewed, reviewManifest } from './publish-loader.js';
import { requirePermission } from './require-permission.js';
import { consolePageContext, consoleSessionOf } from './state.js';

/** Options of {@link registerConsolePages}. */
export interface ConsolePagesOptions {
  /** Largest manifest, bytes (as `POST /v1/policies` takes); a form post may be three times as long, encoded. */
  readonly manifestBodyLimit: number;
}

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** Refuses a post without a session before its (possibly large) body is read; the preHandler checks the rest. */
async function sessionBeforeBody(request: FastifyRequest): Promise<void> {
  if (!consoleSessionOf(request)) {
    throw new HttpError(401, 'console-sign-in-required', 'sign in to the console first (/console/sign-in)');
  }
}

/**
 * The console pages of the dashboard, the data map and policies: `GET /console`,
 * `GET /console/data-map`, `GET /console/policies`, `GET /console/policies/:seq`, and publishing
 * in two steps, `POST /console/policies/review` (what would change) and
 * `POST /console/policies/publish` (confirmed). Each is listed in `CONSOLE_ROUTES`.
 */
export function registerConsolePages(app: FastifyInstance, rt: Runtime, options: ConsolePagesOptions): void {
  app.get('/console', { preHandler: requirePermission('dashboard:read') }, async (request, reply) =>
    html(reply, renderDashboard(await loadDashboard(rt), consolePageContext(request))),
  );

  app.get('/console/data-map', { preHandler: requirePermission('policies:read') }, async (request, reply) => {
    await rt.syncPolicy();
    const { manifest, version } = rt.engine.policy;
    return html(reply, renderDataMap(dataMapOf(manifest, version.version), consolePageContext(request)));
  });

  app.get('/console/policies', { preHandler: requirePermission('policies:read') }, async (request, reply) =>
    html(reply, renderPolicies(await loadPolicies(rt), consolePageContext(request))),
  );

  app.get<{ Params: { seq: string }; Querystring: { published?: string } }>(
    '/console/policies/:seq',
    { preHandler: requirePermission('policies:read') },
    async (request, reply) => {
      const ctx = consolePageContext(request);
      const seq = /^[1-9][0-9]{0,9}$/.test(request.params.seq) ? Number(request.params.seq) : undefined;
      const model = seq === undefined ? undefined : await loadPolicyVersion(rt, seq);
      if (!model) {
        const body =
          '<p>No policy version has this number.</p><p><a href="/console/policies">All versions</a></p>';
        return html(
          reply,
          renderConsolePage({
            title: 'No such version',
            user: ctx.user,
            active: 'policies',
            csrfToken: ctx.csrfToken,
            body,
          }),
          404,
        );
      }
      const justPublished = request.query.published === '1';
      return html(reply, renderPolicyVersion({ ...model, ...(justPublished ? { justPublished } : {}) }, ctx));
    },
  );

  const postOptions = {
    onRequest: sessionBeforeBody,
    preHandler: requirePermission('policies:publish'),
    bodyLimit: options.manifestBodyLimit * 3,
  };

  app.post('/console/policies/review', postOptions, async (request, reply) => {
    const review = await reviewManifest(rt, requiredFormField(request.body, 'manifest'));
    return html(
      reply,
      renderPublishReview(review, consolePageContext(request)),
      review.outcome.kind === 'invalid' ? 400 : 200,
    );
  });

  app.post('/console/policies/publish', postOptions, async (request, reply) => {
    const text = requiredFormField(request.body, 'manifest');
    const basedOn = requiredFormField(request.body, 'basedOn');
    const outcome = await publishReviewed(rt, text, basedOn);
    if (outcome.ok) return reply.redirect(`/console/policies/${outcome.seq}?published=1`, 303);
    const { review } = outcome;
    const status =
      review.notice ||
      (review.outcome.kind === 'refused' && review.outcome.code === 'policy.version-label-reused')
        ? 409
        : 422;
    return html(reply, renderPublishReview(review, consolePageContext(request)), status);
  });
}
