import { CONSENT_SOURCES, JurisdictionKey, Language } from '@pledge/core';
import { z } from 'zod';
import { ConsentEventBody } from '../events/ledger-event.js';
import { StorableId, storableText } from '../text/storable-text.js';

/** Most decisions in one batch request. */
export const MAX_BATCH = 1000;

/** Earliest `occurredAt` accepted: no digital consent predates it. */
export const EARLIEST_EVENT = Date.UTC(1970, 0, 1);
/** How far ahead of the server's clock an `occurredAt` may be (clock skew). */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;
/** What an `occurredAt` outside the accepted window is told. */
export const EVENT_TIME_WINDOW_MESSAGE = 'must be between 1970-01-01 and five minutes from now';

/**
 * Whether an `occurredAt` lies in the accepted window, from 1970 to `now` plus the clock skew.
 * The wire schema and the engine (for callers that do not come through HTTP) both ask this.
 */
export function inEventTimeWindow(occurredAt: string, now: number = Date.now()): boolean {
  const time = Date.parse(occurredAt);
  return time >= EARLIEST_EVENT && time <= now + FUTURE_SKEW_MS;
}

const Ids = z.array(StorableId).max(200);
/** Your identifier for a subject, as every body takes it (stored only as a keyed hash). */
const SubjectId = storableText(z.string().min(1).max(512));

/** A request to record events for one subject. */
export const RecordConsentBody = z
  .object({
    subject: SubjectId.describe('Your identifier for the subject; stored only as a keyed hash.'),
    events: z.array(ConsentEventBody).min(1).max(1000),
  })
  .strict();
export type RecordConsentBody = z.infer<typeof RecordConsentBody>;

/**
 * `POST /v1/consents`: {@link RecordConsentBody}, with `occurredAt` between 1970 and five
 * minutes from now. Events apply in time order, so a consent dated in the future would
 * outrank every withdrawal recorded before that date.
 */
export const ConsentWriteBody = RecordConsentBody.superRefine((body, ctx) => {
  const now = Date.now();
  body.events.forEach((event, i) => {
    if (event.occurredAt === undefined || inEventTimeWindow(event.occurredAt, now)) return;
    ctx.addIssue({ code: 'custom', path: ['events', i, 'occurredAt'], message: EVENT_TIME_WINDOW_MESSAGE });
  });
});

/** Facts about the subject known to the caller at decision time. */
export const SubjectFactsBody = z
  .object({
    jurisdiction: JurisdictionKey.optional(),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
      .optional()
      .describe(
        'Country the subject lives in, for national ages of digital consent (GDPR Art. 8(1)). Omitted: the law’s general age (16 under GDPR).',
      ),
    age: z.number().int().min(0).max(150).optional(),
    gpc: z.boolean().optional(),
    dnt: z.boolean().optional(),
  })
  .strict();

/** A decision request (`POST /v1/decide`). */
export const DecideBody = z
  .object({
    subject: SubjectId.optional().describe('Omitted: a subject with no recorded events.'),
    purpose: z.string().min(1).max(100),
    categories: Ids,
    recipient: z.string().min(1).max(100).optional(),
    jurisdiction: JurisdictionKey.optional(),
    destinationCountry: z.string().length(2).optional(),
    facts: SubjectFactsBody.optional(),
  })
  .strict();
export type DecideBody = z.infer<typeof DecideBody>;

/** `POST /v1/consents/query`: the subject goes in the body, never in a URL that proxies log. */
export const ConsentQueryBody = z
  .object({
    subject: SubjectId.describe('Your identifier for the subject; looked up by its keyed hash.'),
  })
  .strict();

/** `POST /v1/decide/batch`. */
export const DecideBatchBody = z.object({ requests: z.array(DecideBody).min(1).max(MAX_BATCH) }).strict();

/** `POST /v1/use`. */
export const RecordUseBody = z
  .object({
    subject: SubjectId.describe('Your identifier for the subject; stored only as a keyed hash.'),
    source: z.enum(CONSENT_SOURCES).optional().describe("Where the use happened; default 'use-of-service'."),
  })
  .strict();

/** `POST /v1/subjects/deregistered`. */
export const DeregisteredBody = z
  .object({
    identifier: SubjectId.describe(
      'The identifier someone signs up with; compared as a keyed hash, never stored.',
    ),
  })
  .strict();

/** `GET /v1/ledger/changes`. */
export const ChangesQuery = z
  .object({
    after: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .default(0)
      .describe('Events after this sequence number (0: from the start).'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(5000)
      .default(1000)
      .describe('Most events returned (1 to 5000).'),
  })
  .strict();

/** `GET /v1/policy/rendered`. */
export const RenderedQuery = z
  .object({
    lang: Language.optional().describe("Default: the policy's default language."),
    format: z.enum(['html', 'md']).default('html'),
  })
  .strict();

/** `GET /`: a web page, so unknown parameters (utm_source...) are ignored. */
export const HomeQuery = z.object({ lang: Language.optional() });

/** `GET /policy`: a web page too. */
export const PolicyPageQuery = z.object({
  lang: Language.optional(),
  format: z.enum(['html', 'md']).optional(),
});
