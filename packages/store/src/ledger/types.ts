import type { ConsentMode, JurisdictionKey, LedgerActor, LedgerEventType, PrivacySignal } from '@pledge/core';

export type { LedgerEventType };

/**
 * A consent record to append, in the shape of ISO/IEC TS 27560: who (a subject
 * reference, hashed before storage), what (purposes, categories, mode), how (method,
 * source, actor), where (jurisdiction), which notice (policy version, policy hash,
 * notice-text hash) and when.
 */
export interface LedgerEventInput {
  type: LedgerEventType;
  /** The subject's identifier in the caller's system; stored only as a keyed hash. */
  subject: string;
  purposes?: string[];
  categories?: string[];
  consentMode?: ConsentMode;
  /** How consent was expressed: banner, form, api, signal, use-of-service, officer-entry... */
  method: string;
  /** Where: web, app, api, console, email... */
  source: string;
  jurisdiction?: JurisdictionKey;
  policyVersion: string;
  policyHash: string;
  /** Hash of the notice text the subject was shown. */
  noticeHash?: string;
  actor: LedgerActor;
  /** For signal-seen: gpc or dnt. */
  signal?: PrivacySignal;
  /** Defaults to now. */
  occurredAt?: Date | string;
}

/** A stored event, as read back. */
export interface LedgerEvent extends Omit<LedgerEventInput, 'subject' | 'occurredAt'> {
  seq: number;
  id: string;
  /** Keyed hash of the subject id, through the subject map; null once the subject is forgotten. */
  subjectHash: string | null;
  /** The subject's random pseudonym, as stored in the chain (events before pseudonyms: the keyed hash). */
  pseudonym: string;
  purposes: string[];
  categories: string[];
  occurredAt: Date;
  prevHash: string;
  hash: string;
}
