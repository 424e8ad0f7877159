import { renderCenterError } from '@pledge/render';
import type { FastifyInstance } from 'fastify';
import { checkPackageLink, packageLinkKey } from '../privacy-center/package-link.js';
import type { CenterRequests } from '../privacy-center/ports.js';
import { field, openVisit } from '../privacy-center/visit.js';
import { requestOf } from '../privacy-center/visitor-cookie.js';
import type { Runtime } from '../runtime.js';

/**
 * `GET /privacy/requests/:id/package?exp=&sig=`: the access package of a request, served only
 * through a link the status page signed (HMAC over the request id and the expiry, a key derived
 * from the subject key) that has not expired, and only to the browser that made the request.
 * A foreign browser or a forged link gets 403, an expired link or a package not (or no longer)
 * there 410; each download is a `request-package` entry of the access audit log, written before
 * the package is sent.
 */
export function registerPrivacyCenterPackage(
  app: FastifyInstance,
  rt: Runtime,
  requests: CenterRequests | undefined,
): void {
  const key = packageLinkKey(rt.subjectKey);
  app.get<{ Params: { id: string } }>('/privacy/requests/:id/package', async (request, reply) => {
    const visit = openVisit(rt, request);
    const { id } = request.params;
    const path = `/privacy/requests/${encodeURIComponent(id)}`;
    const refuse = (status: 403 | 410) =>
      visit.html(
        reply,
        renderCenterError({
          ...visit.page(path),
          message: status === 403 ? 'error.packageRefused' : 'error.packageExpired',
        }),
        status,
      );
    if (requests === undefined || requestOf(visit.visitor, id) === undefined) return refuse(403);
    const checked = checkPackageLink(
      key,
      id,
      field(request.query, 'exp'),
      field(request.query, 'sig'),
      Date.now(),
    );
    if (checked === 'forged') return refuse(403);
    if (checked === 'expired') return refuse(410);
    const found = await requests.package(id);
    if (found === undefined) return refuse(410);
    const recorded = await rt.engine.recordAccess([
      {
        action: 'request-package',
        actor: { kind: 'system', id: 'privacy-center' },
        subject: found.subject,
        reason: null,
        requestId: id,
      },
    ]);
    if (!recorded.ok) return refuse(410);
    return reply
      .status(200)
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="pledge-access-${id.replace(/[^A-Za-z0-9-]/g, '')}.zip"`,
      )
      .type('application/zip')
      .send(Buffer.from(found.zip));
  });
}
