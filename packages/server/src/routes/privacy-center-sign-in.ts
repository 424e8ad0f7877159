import { renderSignInPage } from '@pledge/render';
import type { FastifyInstance } from 'fastify';
import type { CenterSignIn } from '../privacy-center/ports.js';
import { field, formTokenValid, openVisit, plausibleEmail } from '../privacy-center/visit.js';
import type { Runtime } from '../runtime.js';
import { back, refuseForm } from './privacy-center.js';

/**
 * Identifying a visitor by a code sent to their address: `GET /privacy/sign-in` (the address,
 * or with `?step=code` the code), `POST /privacy/sign-in` (a code is sent when the address is
 * known; the answer is the same either way) and `POST /privacy/sign-in/code` (a right code
 * identifies the visitor in their sealed cookie); `GET /privacy/sign-in/token?token=` identifies
 * a user the application signed in. Without a code sender the page says so.
 */
export function registerPrivacyCenterSignIn(
  app: FastifyInstance,
  rt: Runtime,
  signIn: CenterSignIn | undefined,
): void {
  app.get('/privacy/sign-in', async (request, reply) => {
    const visit = openVisit(rt, request);
    const codeStep = field(request.query, 'step') === 'code' && visit.visitor.pendingSignIn !== undefined;
    return visit.html(
      reply,
      renderSignInPage({
        ...visit.page('/privacy/sign-in'),
        available: signIn !== undefined,
        ...(codeStep ? { codeStep: { wrong: field(request.query, 'wrong') === '1' } } : {}),
      }),
    );
  });

  // A signed-in user of the application arrives identified: the link carries an identity token
  // (issueVerificationToken of @pledge/sdk, single use, ten minutes at most). Query strings are
  // not logged and pages send no referrer.
  app.get('/privacy/sign-in/token', async (request, reply) => {
    const visit = openVisit(rt, request);
    const token = field(request.query, 'token') ?? '';
    const subject = signIn === undefined || token === '' ? undefined : await signIn.token(token);
    if (subject === undefined) return visit.redirect(reply, back(visit, '/privacy/sign-in'));
    const { pendingSignIn: _none, ...rest } = visit.visitor;
    visit.update({ ...rest, subject });
    return visit.redirect(reply, back(visit, '/privacy/consent'));
  });

  app.post('/privacy/sign-in', async (request, reply) => {
    const visit = openVisit(rt, request);
    if (!formTokenValid(visit, request.body)) return refuseForm(visit, reply, '/privacy/sign-in');
    if (signIn === undefined) return visit.redirect(reply, back(visit, '/privacy/sign-in'));
    const email = (field(request.body, 'email') ?? '').trim();
    if (!plausibleEmail(email)) return visit.redirect(reply, back(visit, '/privacy/sign-in'));
    const challenge = await signIn.start(email, visit.lang, request.ip);
    // Rate-limited: the same next page, and no code will work (the same answer either way).
    visit.update({ ...visit.visitor, pendingSignIn: { email, challenge: challenge ?? 'none' } });
    return visit.redirect(reply, back(visit, '/privacy/sign-in', '&step=code'));
  });

  app.post('/privacy/sign-in/code', async (request, reply) => {
    const visit = openVisit(rt, request);
    if (!formTokenValid(visit, request.body)) return refuseForm(visit, reply, '/privacy/sign-in');
    const pending = visit.visitor.pendingSignIn;
    if (signIn === undefined || pending === undefined)
      return visit.redirect(reply, back(visit, '/privacy/sign-in'));
    const code = (field(request.body, 'code') ?? '').replace(/\s+/g, '').slice(0, 32);
    const right =
      code !== '' && pending.challenge !== 'none' && (await signIn.finish(pending.challenge, code));
    if (!right) return visit.redirect(reply, back(visit, '/privacy/sign-in', '&step=code&wrong=1'));
    const { pendingSignIn: _done, ...rest } = visit.visitor;
    visit.update({ ...rest, subject: pending.email });
    return visit.redirect(reply, back(visit, '/privacy/consent'));
  });
}
