import type { JurisdictionKey } from '@pledge/core';
import {
  DETAILS_REQUIRED,
  type RequestFormInput,
  renderDeleteAccount,
  renderRequestForm,
  renderRequestsPage,
  renderStatusPage,
  renderVerifyPage,
} from '@pledge/render';
import type { RequestRight } from '@pledge/requests';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { offeredRights } from '../privacy-center/offered-rights.js';
import type { CenterRequests } from '../privacy-center/ports.js';
import { field, formTokenValid, openVisit, plausibleEmail, type Visit } from '../privacy-center/visit.js';
import { requestOf, withRequest } from '../privacy-center/visitor-cookie.js';
import type { Runtime } from '../runtime.js';
import { back, refuseForm } from './privacy-center.js';

type Problem = NonNullable<RequestFormInput['problem']>;

/**
 * The request pages: `GET /privacy/requests` (each right granted), `GET /privacy/requests/new?right=`
 * (its form), `GET /privacy/delete-account` (account deletion, with its warning),
 * `POST /privacy/requests` (stored and a code sent, then the verification page),
 * `GET|POST /privacy/requests/:id/verify` and `GET /privacy/requests/:id` (status, due date,
 * download). A request's pages answer only the browser that made it (its id is in the visitor's
 * sealed cookie). Without a request workflow the pages say requests are not available here.
 */
export function registerPrivacyCenterRequests(
  app: FastifyInstance,
  rt: Runtime,
  requests: CenterRequests | undefined,
): void {
  const granted = (right: string | undefined): RequestRight | undefined =>
    offeredRights(rt.engine.policy.manifest).find((r) => r.right === right)?.right;

  const notFound = (visit: Visit, reply: FastifyReply) =>
    visit.html(reply, renderStatusPage(visit.page('/privacy/requests')), 404);

  app.get('/privacy/requests', async (request, reply) => {
    const visit = openVisit(rt, request);
    return visit.html(
      reply,
      renderRequestsPage({
        ...visit.page('/privacy/requests'),
        rights: offeredRights(rt.engine.policy.manifest),
        available: requests !== undefined,
      }),
    );
  });

  app.get('/privacy/requests/new', async (request, reply) => {
    const visit = openVisit(rt, request);
    const right = granted(field(request.query, 'right'));
    if (right === undefined || requests === undefined)
      return visit.redirect(reply, back(visit, '/privacy/requests'));
    if (right === 'deregistration') return visit.redirect(reply, back(visit, '/privacy/delete-account'));
    return visit.html(
      reply,
      renderRequestForm({ ...visit.page(`/privacy/requests/new?right=${right}`), right }),
    );
  });

  app.get('/privacy/delete-account', async (request, reply) => {
    const visit = openVisit(rt, request);
    if (granted('deregistration') === undefined || requests === undefined)
      return visit.redirect(reply, back(visit, '/privacy/requests'));
    return visit.html(reply, renderDeleteAccount(visit.page('/privacy/delete-account')));
  });

  app.post('/privacy/requests', async (request, reply) => {
    const visit = openVisit(rt, request);
    if (!formTokenValid(visit, request.body)) return refuseForm(visit, reply, '/privacy/requests');
    const right = granted(field(request.body, 'right'));
    if (right === undefined || requests === undefined)
      return visit.redirect(reply, back(visit, '/privacy/requests'));
    const email = (field(request.body, 'email') ?? '').trim();
    const details = (field(request.body, 'details') ?? '').trim().slice(0, 2000);
    const asked = field(request.body, 'jurisdiction');
    const jurisdiction = rt.engine.policy.manifest.policy.jurisdictions.find((j) => j === asked) as
      | JurisdictionKey
      | undefined;
    const problem: Problem | undefined = !plausibleEmail(email)
      ? 'form.problem.email'
      : DETAILS_REQUIRED.has(right) && details === ''
        ? 'form.problem.details'
        : right === 'deregistration' && field(request.body, 'confirm') !== 'yes'
          ? 'form.problem.confirm'
          : undefined;
    if (problem) {
      const values = { email, details, ...(jurisdiction ? { jurisdiction } : {}) };
      const page =
        right === 'deregistration'
          ? renderDeleteAccount({ ...visit.page('/privacy/delete-account'), values, problem })
          : renderRequestForm({
              ...visit.page(`/privacy/requests/new?right=${right}`),
              right,
              values,
              problem,
            });
      return visit.html(reply, page, 400);
    }
    const { id, challenge } = await requests.submit({
      right,
      email,
      lang: visit.lang,
      ip: request.ip,
      ...(jurisdiction ? { jurisdiction } : {}),
      ...(details ? { details } : {}),
    });
    visit.update(withRequest(visit.visitor, { id, ...(challenge ? { challenge } : {}) }));
    return visit.redirect(reply, back(visit, `/privacy/requests/${encodeURIComponent(id)}/verify`));
  });

  app.get<{ Params: { id: string } }>('/privacy/requests/:id/verify', async (request, reply) => {
    const visit = openVisit(rt, request);
    const { id } = request.params;
    if (requests === undefined || requestOf(visit.visitor, id) === undefined) return notFound(visit, reply);
    return visit.html(
      reply,
      renderVerifyPage({
        ...visit.page(`/privacy/requests/${encodeURIComponent(id)}/verify`),
        requestId: id,
        wrong: field(request.query, 'wrong') === '1',
      }),
    );
  });

  app.post<{ Params: { id: string } }>('/privacy/requests/:id/verify', async (request, reply) => {
    const visit = openVisit(rt, request);
    const { id } = request.params;
    const path = `/privacy/requests/${encodeURIComponent(id)}`;
    if (!formTokenValid(visit, request.body)) return refuseForm(visit, reply, `${path}/verify`);
    const mine = requestOf(visit.visitor, id);
    if (requests === undefined || mine === undefined) return notFound(visit, reply);
    const code = (field(request.body, 'code') ?? '').replace(/\s+/g, '').slice(0, 32);
    const ok =
      code !== '' && mine.challenge !== undefined && (await requests.verify(id, mine.challenge, code));
    if (ok) visit.update(withRequest(visit.visitor, { id }));
    return visit.redirect(reply, ok ? back(visit, path) : back(visit, `${path}/verify`, '&wrong=1'));
  });

  app.get<{ Params: { id: string } }>('/privacy/requests/:id', async (request, reply) => {
    const visit = openVisit(rt, request);
    const { id } = request.params;
    if (requests === undefined || requestOf(visit.visitor, id) === undefined) return notFound(visit, reply);
    const view = await requests.view(id);
    if (view === undefined) return notFound(visit, reply);
    return visit.html(
      reply,
      renderStatusPage({ ...visit.page(`/privacy/requests/${encodeURIComponent(id)}`), request: view }),
    );
  });
}
