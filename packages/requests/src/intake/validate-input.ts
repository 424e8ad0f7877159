import { JURISDICTION_KEYS, type JurisdictionKey } from '@pledge/core';
import { isRequestRight, type RequestRight } from '../workflow/rights.js';
import { type RequestRefusal, refusal } from '../workflow/transition.js';
import { CONTACT_KINDS, type ContactKind, REQUEST_CHANNELS, type RequestChannel } from './channels.js';

/** A request as it arrives, before it is checked. */
export interface ReceiveInput {
  right: RequestRight;
  channel: RequestChannel;
  /** Where to answer. Required: a request nobody can answer is not a request. */
  contact: { kind: ContactKind; address: string };
  /** The requester's jurisdiction when known; never required (a request need not cite a law). */
  jurisdiction?: JurisdictionKey;
  /** Identity values the DSR engine needs, by identity kind (`email`, `user-id`...). */
  identity?: Record<string, string[]>;
  /** The request in the requester's words. */
  details?: string;
  /** Language to answer in (`en`, `zh-CN`). */
  language?: string;
  /** Someone acting for the person, with the authorisation they gave (recorded, checked at verification). */
  agent?: { name: string; authorisation: string };
  /** When it arrived, for a letter or call entered later; default: now. */
  receivedAt?: Date;
}

const MAX = { address: 320, details: 5000, identityValues: 20, value: 320, agent: 500 } as const;

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;

function identityProblem(identity: unknown): RequestRefusal | undefined {
  if (identity === undefined) return undefined;
  if (typeof identity !== 'object' || identity === null || Array.isArray(identity)) {
    return refusal(
      'request.identity-invalid',
      'identity',
      'identity must map identity kinds to lists of values',
    );
  }
  for (const [kind, values] of Object.entries(identity)) {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(kind)) {
      return refusal('request.identity-invalid', 'identity', 'identity kinds are lower-case names');
    }
    if (!Array.isArray(values) || values.length === 0 || values.length > MAX.identityValues) {
      return refusal(
        'request.identity-invalid',
        `identity.${kind}`,
        `identity.${kind} must be a non-empty list`,
      );
    }
    if (!values.every((v) => isText(v, MAX.value))) {
      return refusal(
        'request.identity-invalid',
        `identity.${kind}`,
        `identity.${kind} holds an invalid value`,
      );
    }
  }
  return undefined;
}

/** Checks a request as it arrives; the refusal names the field and never echoes its value. */
export function validateReceiveInput(input: ReceiveInput, now: Date): RequestRefusal | undefined {
  if (!isRequestRight(input.right))
    return refusal('request.right-unknown', 'right', 'right is not a known right');
  if (!(REQUEST_CHANNELS as readonly string[]).includes(input.channel)) {
    return refusal('request.channel-unknown', 'channel', 'channel is not a known channel');
  }
  const contact = input.contact as Partial<ReceiveInput['contact']> | undefined;
  if (!contact || !(CONTACT_KINDS as readonly string[]).includes(contact.kind ?? '')) {
    return refusal(
      'request.contact-required',
      'contact.kind',
      'contact.kind must be a known kind of address',
    );
  }
  if (!isText(contact.address, MAX.address)) {
    return refusal('request.contact-required', 'contact.address', 'contact.address must be a non-empty text');
  }
  if (contact.kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(contact.address.trim())) {
    return refusal('request.contact-invalid', 'contact.address', 'contact.address is not an e-mail address');
  }
  if (
    input.jurisdiction !== undefined &&
    !(JURISDICTION_KEYS as readonly string[]).includes(input.jurisdiction)
  ) {
    return refusal(
      'request.jurisdiction-unknown',
      'jurisdiction',
      'jurisdiction is not a known jurisdiction',
    );
  }
  if (
    input.details !== undefined &&
    (typeof input.details !== 'string' || input.details.length > MAX.details)
  ) {
    return refusal(
      'request.details-invalid',
      'details',
      `details must be a text of at most ${MAX.details} characters`,
    );
  }
  if (input.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(String(input.language))) {
    return refusal('request.language-invalid', 'language', 'language must be a language tag');
  }
  if (
    input.agent !== undefined &&
    !(isText(input.agent?.name, MAX.agent) && isText(input.agent?.authorisation, MAX.agent))
  ) {
    return refusal('request.agent-invalid', 'agent', 'agent needs a name and the authorisation given');
  }
  if (input.receivedAt !== undefined) {
    if (!(input.receivedAt instanceof Date) || Number.isNaN(input.receivedAt.getTime())) {
      return refusal('request.received-at-invalid', 'receivedAt', 'receivedAt must be a valid time');
    }
    if (input.receivedAt > now)
      return refusal('request.received-at-future', 'receivedAt', 'receivedAt is in the future');
  }
  return identityProblem(input.identity);
}
