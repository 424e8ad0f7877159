import { ConsentMode, JurisdictionKey } from '@pledge/core';
import type { DecisionRequest } from '@pledge/decide';
import { z } from 'zod';

const Text = z.string().min(1).max(200);
const Ids = z.array(z.string().min(1).max(100)).max(200);

/** One consent event as a client sends it (the subject is hashed before storage). */
export const ConsentEventBody = z
  .object({
    type: z.enum([
      'consent-given',
      'consent-withdrawn',
      'implied-acceptance',
      'guardian-consent',
      'objection',
      'restriction',
      'restriction-lifted',
      'signal-seen',
      'opt-out',
      'policy-accepted',
    ]),
    purposes: Ids.optional(),
    categories: Ids.optional(),
    consentMode: ConsentMode.optional(),
    method: Text.default('api'),
    source: Text.default('api'),
    jurisdiction: JurisdictionKey.optional(),
    noticeHash: z.string().max(200).optional(),
    actor: z.enum(['subject', 'guardian', 'officer', 'system']).default('subject'),
    signal: z.enum(['gpc', 'dnt']).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ConsentEventBody = z.infer<typeof ConsentEventBody>;

/** A request to record events for one subject. */
export const RecordConsentBody = z
  .object({
    subject: z
      .string()
      .min(1)
      .max(512)
      .describe('Your identifier for the subject; stored only as a keyed hash.'),
    events: z.array(ConsentEventBody).min(1).max(1000),
  })
  .strict();
export type RecordConsentBody = z.infer<typeof RecordConsentBody>;

/** Facts about the subject known to the caller at decision time. */
export const SubjectFactsBody = z
  .object({
    jurisdiction: JurisdictionKey.optional(),
    age: z.number().int().min(0).max(150).optional(),
    gpc: z.boolean().optional(),
    dnt: z.boolean().optional(),
  })
  .strict();

/** A decision request. */
export const DecideBody = z
  .object({
    subject: z.string().min(1).max(512).optional().describe('Omitted: a subject with no recorded events.'),
    purpose: z.string().min(1).max(100),
    categories: Ids,
    recipient: z.string().min(1).max(100).optional(),
    jurisdiction: JurisdictionKey.optional(),
    destinationCountry: z.string().length(2).optional(),
    facts: SubjectFactsBody.optional(),
  })
  .strict();
export type DecideBody = z.infer<typeof DecideBody>;

/** The request part of a {@link DecideBody}, as the decision engine takes it. */
export function decisionRequest(body: DecideBody): DecisionRequest {
  return {
    purpose: body.purpose,
    categories: body.categories,
    recipient: body.recipient,
    jurisdiction: body.jurisdiction,
    destinationCountry: body.destinationCountry,
  };
}
