import { centerText, renderCenterError, renderCenterOverview, renderCenterPolicy } from '@pledge/render';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { field, formTokenValid, openVisit, type Visit } from '../privacy-center/visit.js';
import type { Runtime } from '../runtime.js';

/** Refuses a form post without this visitor's form token: an HTML page saying the form expired. */
export function refuseForm(visit: Visit, reply: FastifyReply, path: string): FastifyReply {
  return visit.html(reply, renderCenterError({ ...visit.page(path), message: 'error.csrf' }), 403);
}

/** The path to come back to after a post, in the page language. */
export function back(visit: Visit, path: string, extra = ''): string {
  return `${path}?lang=${encodeURIComponent(visit.lang)}${extra}`;
}

/**
 * The privacy center's frame pages: `GET /privacy` (what it offers, who the visitor is),
 * `GET /privacy/policy` (the policy in force in the visitor's language, from `?lang=` or
 * `Accept-Language`) and `POST /privacy/sign-out` (forget the visitor on this device). Public
 * routes, in `PUBLIC_ROUTES`; forms carry the visitor's form token.
 */
export function registerPrivacyCenter(app: FastifyInstance, rt: Runtime): void {
  app.get('/privacy', async (request, reply) => {
    const visit = openVisit(rt, request);
    const saved = field(request.query, 'done') === 'signed-out';
    return visit.html(
      reply,
      renderCenterOverview({
        ...visit.page('/privacy'),
        policyVersion: rt.engine.policy.version.version,
        ...(saved
          ? { notice: { tone: 'ok' as const, text: centerText(visit.lang, 'identity.forgotten') } }
          : {}),
      }),
    );
  });

  app.get('/privacy/policy', async (request, reply) => {
    const visit = openVisit(rt, request);
    return visit.html(reply, renderCenterPolicy(visit.page('/privacy/policy')));
  });

  app.post('/privacy/sign-out', async (request, reply) => {
    const visit = openVisit(rt, request);
    if (!formTokenValid(visit, request.body)) return refuseForm(visit, reply, '/privacy');
    const { subject: _forgotten, pendingSignIn: _pending, ...rest } = visit.visitor;
    visit.update({ ...rest, requests: [] });
    return visit.redirect(reply, back(visit, '/privacy', '&done=signed-out'));
  });
}
