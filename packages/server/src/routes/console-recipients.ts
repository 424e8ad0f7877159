import { roleAllows } from '@pledge/auth';
import { renderRecipientsPage } from '@pledge/console';
import { INSPECTION_KINDS, INSPECTION_OUTCOMES } from '@pledge/core';
import { endRecipientEngagement, type RegisterEntry, recipientsRegister } from '@pledge/engine';
import { CalendarDay } from '@pledge/protocol';
import { recipientContacts, setRecipientContact } from '@pledge/requests';
import { addInspection, listDisclosures } from '@pledge/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { consoleSessionOf, consoleUserOf, requirePermission } from '../console/index.js';
import { HttpError } from '../errors.js';
import { formText } from '../form-field.js';
import type { Runtime } from '../runtime.js';
import { contactOf } from './recipient-contacts.js';

const PAGE = '/console/recipients';

const InspectionForm = z.object({
  kind: z.enum(INSPECTION_KINDS),
  outcome: z.enum(INSPECTION_OUTCOMES),
  performedOn: CalendarDay,
});
const EndForm = z.object({ endedOn: CalendarDay });

function row(entry: RegisterEntry) {
  const { recipient } = entry;
  const name =
    typeof recipient.name === 'string' ? recipient.name : (Object.values(recipient.name)[0] ?? recipient.id);
  return {
    id: recipient.id,
    name,
    kind: recipient.kind,
    requirements: entry.requirements,
    contracts: entry.contracts,
    inspections: entry.inspections,
    ...(entry.engagement.endedOn ? { endedOn: entry.engagement.endedOn } : {}),
    flags: entry.flags,
  };
}

/** A form's fields checked against `schema`; a 400 naming the field otherwise. */
function formOf<T>(schema: z.ZodType<T>, request: FastifyRequest): T {
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.join('.'),
    code: 'invalid-field',
    message: `${i.path.join('.')}: ${i.message}`,
  }));
  throw new HttpError(400, 'bad-request', issues.map((i) => i.message).join('; '), issues);
}

function knownRecipient(rt: Runtime, id: string): void {
  if (!rt.engine.policy.manifest.recipients.some((r) => r.id === id)) {
    throw new HttpError(404, 'recipient-not-found', 'the policy in force declares no recipient with this id');
  }
}

async function backToPage(reply: FastifyReply): Promise<void> {
  await reply.redirect(PAGE, 303);
}

/**
 * The console's recipients page (`recipients:read`): the register and the disclosure log; and
 * its forms (`recipients:manage`, with the session's CSRF token): record an inspection, end an
 * engagement (which queues a deletion request).
 */
export function registerConsoleRecipients(app: FastifyInstance, rt: Runtime): void {
  app.get(PAGE, { preHandler: requirePermission('recipients:read') }, async (request, reply) => {
    const user = consoleUserOf(request)!;
    const session = consoleSessionOf(request);
    const [register, disclosures, contacts] = await Promise.all([
      recipientsRegister(rt.engine),
      listDisclosures(rt.store.db, { limit: 200 }),
      recipientContacts(rt.store.db),
    ]);
    const html = renderRecipientsPage({
      user,
      ...(session ? { csrfToken: session.csrfToken } : {}),
      canManage: roleAllows(user.role, 'recipients:manage'),
      recipients: register.map((e) => ({
        ...row(e),
        ...(contacts[e.recipient.id] ? { contact: contacts[e.recipient.id] } : {}),
      })),
      disclosures: disclosures.map((d) => ({
        at: d.at.toISOString(),
        recipient: d.recipient,
        subjectHash: d.subjectHash,
        purpose: d.purpose,
        categories: d.categories,
        basis: d.basis,
        ...(d.legalReference ? { legalReference: d.legalReference } : {}),
        allowed: d.allowed,
        codes: d.codes,
        actor: d.actor,
      })),
      inspectionKinds: INSPECTION_KINDS,
      inspectionOutcomes: INSPECTION_OUTCOMES,
      today: new Date().toISOString().slice(0, 10),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post<{ Params: { id: string } }>(
    `${PAGE}/:id/inspections`,
    { preHandler: requirePermission('recipients:manage') },
    async (request, reply) => {
      knownRecipient(rt, request.params.id);
      const form = formOf(InspectionForm, request);
      await addInspection(rt.store.db, {
        recipient: request.params.id,
        ...form,
        recordedBy: `user:${consoleUserOf(request)!.id}`,
      });
      await backToPage(reply);
    },
  );

  app.post<{ Params: { id: string } }>(
    `${PAGE}/:id/contact`,
    { preHandler: requirePermission('recipients:manage') },
    async (request, reply) => {
      knownRecipient(rt, request.params.id);
      const set = await setRecipientContact(
        rt.store.db,
        request.params.id,
        contactOf({
          webhookUrl: formText(request.body, 'webhookUrl'),
          email: formText(request.body, 'email'),
        }),
        { actor: `user:${consoleUserOf(request)!.id}` },
      );
      if (!set.ok)
        throw new HttpError(400, 'bad-request', `${set.path}: ${set.message}`, [
          { path: set.path, code: set.code, message: set.message },
        ]);
      await backToPage(reply);
    },
  );

  app.post<{ Params: { id: string } }>(
    `${PAGE}/:id/end`,
    { preHandler: requirePermission('recipients:manage') },
    async (request, reply) => {
      knownRecipient(rt, request.params.id);
      const form = formOf(EndForm, request);
      await endRecipientEngagement(rt.engine, request.params.id, form.endedOn);
      await backToPage(reply);
    },
  );
}
