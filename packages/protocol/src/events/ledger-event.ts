import {
  CONSENT_METHODS,
  CONSENT_SOURCES,
  ConsentMode,
  JurisdictionKey,
  LEDGER_ACTORS,
  LEDGER_EVENT_TYPES,
  PRIVACY_SIGNALS,
} from '@pledge/core';
import { z } from 'zod';
import { StorableId } from '../text/storable-text.js';

const Ids = z.array(StorableId).max(200);
/** A notice hash as hashing tools write it (`sha256:...`, hex, base64). */
const NoticeHash = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9:+/=_.-]+$/, { error: 'must be a hash: letters, digits and : + / = _ . - only' });

/** One consent event as a client sends it (the subject is hashed before storage). */
export const ConsentEventBody = z
  .object({
    type: z.enum(LEDGER_EVENT_TYPES),
    purposes: Ids.optional(),
    categories: Ids.optional(),
    consentMode: ConsentMode.optional(),
    method: z.enum(CONSENT_METHODS).default('api'),
    source: z.enum(CONSENT_SOURCES).default('api'),
    jurisdiction: JurisdictionKey.optional(),
    noticeHash: NoticeHash.optional(),
    actor: z.enum(LEDGER_ACTORS).default('subject'),
    signal: z.enum(PRIVACY_SIGNALS).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ConsentEventBody = z.infer<typeof ConsentEventBody>;

/**
 * A ledger event on the wire: the subject appears as its random pseudonym and, while the
 * subject is not forgotten, the keyed hash that links it to the pseudonym.
 */
export const LedgerEventJson = z.object({
  seq: z.number().int(),
  id: z.string(),
  subjectHash: z
    .string()
    .nullable()
    .describe(
      'HMAC-SHA256 of the subject id under the subject key (base64url); null once the subject is forgotten.',
    ),
  pseudonym: z
    .string()
    .describe("The subject's random pseudonym in the ledger (for events before pseudonyms: the keyed hash)."),
  type: z.enum(LEDGER_EVENT_TYPES),
  purposes: z.array(z.string()),
  categories: z.array(z.string()),
  consentMode: ConsentMode.optional(),
  method: z.string(),
  source: z.string(),
  jurisdiction: JurisdictionKey.optional(),
  policyVersion: z.string(),
  policyHash: z.string(),
  noticeHash: z.string().optional(),
  actor: z.enum(LEDGER_ACTORS),
  signal: z.enum(PRIVACY_SIGNALS).optional(),
  occurredAt: z.string().describe('ISO 8601 date and time'),
  prevHash: z.string(),
  hash: z.string(),
});
/** A stored ledger event on the wire (`occurredAt` an ISO string). */
export type LedgerEventJson = z.infer<typeof LedgerEventJson>;

/** A stored ledger event as read back in process: {@link LedgerEventJson} with `occurredAt` a `Date`. */
export type LedgerEvent = Omit<LedgerEventJson, 'occurredAt'> & { occurredAt: Date };
