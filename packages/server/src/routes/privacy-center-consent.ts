import type { Language } from '@pledge/core';
import { emptySubjectState, gpcStatus } from '@pledge/decide';
import type { ConsentEventBody } from '@pledge/protocol';
import {
  awaitsChoice,
  type CenterNotice,
  centerText,
  consentField,
  consentPurposes,
  renderConsentPage,
} from '@pledge/render';
import type { AuditActor } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';
import { consentChoices } from '../privacy-center/consent-choices.js';
import { field, formTokenValid, openVisit } from '../privacy-center/visit.js';
import type { Runtime } from '../runtime.js';
import { back, refuseForm } from './privacy-center.js';

/** Who the privacy center's reads and writes are recorded as in the access audit log. */
export const PRIVACY_CENTER_ACTOR: AuditActor = { kind: 'system', id: 'privacy-center' };

/** Values of a purpose's choice in the consent form. */
const CHOICES = ['give', 'withdraw'] as const;

/**
 * `GET /privacy/consent` (the identified visitor's consent per consent-based purpose, read
 * from the ledger) and `POST /privacy/consent` (each changed choice appended to the ledger
 * through the engine's `record`, as the API does: actor `subject`, method `privacy-center`,
 * source `web`). Reads and writes are in the access audit log as the privacy center.
 */
export function registerPrivacyCenterConsent(app: FastifyInstance, rt: Runtime): void {
  app.get('/privacy/consent', async (request, reply) => {
    const visit = openVisit(rt, request);
    const { subject } = visit.visitor;
    const { manifest } = rt.engine.policy;
    const saved = field(request.query, 'done');
    const notice: CenterNotice | undefined =
      saved === 'saved'
        ? { tone: 'ok', text: centerText(visit.lang, 'consent.saved') }
        : saved === 'unchanged'
          ? { tone: 'ok', text: centerText(visit.lang, 'consent.unchanged') }
          : signalNotice(rt, visit.lang, request.headers['sec-gpc']);
    if (subject === undefined) {
      return visit.html(
        reply,
        renderConsentPage({ ...visit.page('/privacy/consent'), ...(notice ? { notice } : {}) }),
      );
    }
    const events = await rt.engine.events(subject);
    await audit(rt, request.id, subject, 'ledger-read', null);
    return visit.html(
      reply,
      renderConsentPage({
        ...visit.page('/privacy/consent'),
        choices: consentChoices(manifest, events),
        ...(notice ? { notice } : {}),
      }),
    );
  });

  app.post('/privacy/consent', async (request, reply) => {
    const visit = openVisit(rt, request);
    if (!formTokenValid(visit, request.body)) return refuseForm(visit, reply, '/privacy/consent');
    const { subject } = visit.visitor;
    if (subject === undefined) return visit.redirect(reply, back(visit, '/privacy/consent'));
    const { manifest } = rt.engine.policy;
    const current = new Map(
      consentChoices(manifest, await rt.engine.events(subject)).map((c) => [c.purpose, c]),
    );
    const events: ConsentEventBody[] = [];
    for (const purpose of consentPurposes(manifest)) {
      const name = consentField(purpose.id);
      const value = field(request.body, name);
      if (value === undefined) continue;
      if (!(CHOICES as readonly string[]).includes(value)) {
        throw new HttpError(400, 'bad-request', `form field ${name}: must be give or withdraw`, [
          { path: name, code: 'invalid', message: 'must be give or withdraw' },
        ]);
      }
      const choice = current.get(purpose.id);
      // With no choice recorded, a purpose that may run by default records either answer (a "no"
      // is how the person stops it); otherwise only a change from the recorded state is written.
      if (!awaitsChoice(choice) && (value === 'give') === (choice?.state === 'given')) continue;
      const mode = typeof purpose.consent === 'string' ? purpose.consent : purpose.consent.default;
      events.push({
        type: value === 'give' ? 'consent-given' : 'consent-withdrawn',
        purposes: [purpose.id],
        ...(value === 'give' ? { consentMode: mode === 'separate' ? 'separate' : 'opt-in' } : {}),
        method: 'privacy-center',
        source: 'web',
        actor: 'subject',
      });
    }
    if (events.length === 0) return visit.redirect(reply, back(visit, '/privacy/consent', '&done=unchanged'));
    const result = await rt.engine.record(subject, events);
    if (!result.ok) {
      throw new HttpError(400, 'bad-request', `form ${result.message}`, [
        { path: result.path, code: result.code, message: result.message },
      ]);
    }
    const purposes = events.flatMap((e) => e.purposes ?? []);
    await audit(
      rt,
      request.id,
      subject,
      'consent-write',
      purposes.length === 1 ? (purposes[0] ?? null) : null,
    );
    return visit.redirect(reply, back(visit, '/privacy/consent', '&done=saved'));
  });
}

async function audit(
  rt: Runtime,
  requestId: string,
  subject: string,
  action: 'ledger-read' | 'consent-write',
  purpose: string | null,
): Promise<void> {
  const result = await rt.engine.recordAccess([
    { action, actor: PRIVACY_CENTER_ACTOR, subject, requestId, purpose, categories: [] },
  ]);
  // A read or write that cannot be audited is not served.
  if (!result.ok) throw new Error('privacy center: the access audit log refused an entry');
}

/**
 * "Opt-Out Request Honored" for a browser sending `Sec-GPC: 1` where the policy's laws require the
 * site to show it (California, 11 CCR §7025(c)(6)); nothing otherwise. The visitor's jurisdiction
 * is not known here, so the strictest of the policy's laws decides, as in `decide`.
 */
function signalNotice(rt: Runtime, lang: Language, header: unknown): CenterNotice | undefined {
  if (header !== '1') return undefined;
  const { compiled } = rt.engine.policy;
  const status = gpcStatus(compiled, emptySubjectState(compiled, { gpc: true }));
  return status.mustDisplay && status.honoured
    ? { tone: 'ok', text: centerText(lang, 'consent.gpcHonoured') }
    : undefined;
}
