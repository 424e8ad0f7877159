import { listRecipientContacts, setRecipientContact } from '@pledge/requests';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, refusal } from '../errors.js';
import { BODY_ERRORS, errorResponse, V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { principalOf } from '../security/principal.js';

const RecipientParams = z.object({ id: z.string().min(1).max(100) });
type RecipientParams = z.infer<typeof RecipientParams>;

const ContactBody = z
  .object({
    webhookUrl: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('Signed with PLEDGE_WEBHOOK_SECRET; empty removes it.'),
    email: z.string().trim().max(320).optional().describe('Used when no webhook is set; empty removes it.'),
  })
  .strict();

const ContactJson = z.object({
  recipient: z.string(),
  webhookUrl: z.string().optional(),
  email: z.string().optional(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

/** A form's or body's contact fields: blank values are unset. */
export function contactOf(body: { webhookUrl?: string | undefined; email?: string | undefined }) {
  return {
    ...(body.webhookUrl?.trim() ? { webhookUrl: body.webhookUrl.trim() } : {}),
    ...(body.email?.trim() ? { email: body.email.trim() } : {}),
  };
}

/** Whether the policy in force declares the recipient; a 404 otherwise. */
export function knownRecipient(rt: Runtime, id: string): void {
  if (!rt.engine.policy.manifest.recipients.some((r) => r.id === id))
    throw new HttpError(404, 'recipient-not-found', 'the policy in force declares no recipient with this id');
}

/**
 * Where recipients take notices of completed erasure, rectification and restriction requests
 * (`recipients` scope): `GET /v1/recipients/contacts` lists them, `PUT /v1/recipients/:id/contact`
 * sets one (both fields empty removes it). The webhook signing secret is never stored: it is
 * PLEDGE_WEBHOOK_SECRET.
 */
export function registerRecipientContactRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/recipients/contacts',
    {
      schema: {
        summary: "Recipients' notice contacts",
        tags: ['recipients'],
        response: { 200: z.object({ contacts: z.array(ContactJson) }), ...V1_ERRORS },
      },
    },
    async () => ({
      contacts: (await listRecipientContacts(rt.store.db)).map((c) => ({
        ...c,
        updatedAt: c.updatedAt.toISOString(),
      })),
    }),
  );

  app.put<{ Params: RecipientParams; Body: z.infer<typeof ContactBody> }>(
    '/recipients/:id/contact',
    {
      schema: {
        summary: 'Set where a recipient takes notices',
        description:
          'A webhook URL (signed `pledge-signature` with PLEDGE_WEBHOOK_SECRET) and/or an e-mail address; the webhook wins when both are set. A recipient with neither gets its notices held in the outbox for an officer.',
        tags: ['recipients'],
        params: RecipientParams,
        body: ContactBody,
        response: {
          200: z.object({ contact: ContactJson.nullable() }),
          ...BODY_ERRORS,
          404: errorResponse('No such recipient'),
        },
      },
    },
    async (request) => {
      knownRecipient(rt, request.params.id);
      const set = await setRecipientContact(rt.store.db, request.params.id, contactOf(request.body), {
        actor: `key:${principalOf(request).id}`,
      });
      if (!set.ok) throw refusal(set);
      const stored = (await listRecipientContacts(rt.store.db)).find(
        (c) => c.recipient === request.params.id,
      );
      return { contact: stored ? { ...stored, updatedAt: stored.updatedAt.toISOString() } : null };
    },
  );
}
