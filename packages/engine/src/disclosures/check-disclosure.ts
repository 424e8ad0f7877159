import type { DisclosureBasis, Recipient } from '@pledge/core';
import { decide } from '@pledge/decide';
import {
  type ContractRecord,
  type InspectionRecord,
  listContracts,
  listEngagements,
  listInspections,
  logDisclosure,
} from '@pledge/store';
import type { Engine, SubjectFactsInput } from '../engine.js';
import { consentNamesRecipient, needsNamedConsent } from './named-consent.js';
import type { DisclosureRefusal } from './refusals.js';
import { contractRequirements, dayOf, passedSecurityInspection, requirementStatus } from './requirements.js';

/** A question for {@link checkDisclosure}. */
export interface DisclosureRequest {
  /** The subject's identifier; only its keyed hash is logged. */
  subject: string;
  recipient: string;
  purpose: string;
  categories: readonly string[];
  /** Default `consent`; `legal-obligation` is a disclosure compelled by law. */
  basis?: DisclosureBasis;
  /** The law or order compelling it (required with `legal-obligation`; the wire schema checks). */
  legalReference?: string;
  facts?: SubjectFactsInput;
}

/** The answer of {@link checkDisclosure}; `id` is its disclosure log entry either way. */
export type DisclosureDecision =
  | { allowed: true; id: string; basis: DisclosureBasis }
  | { allowed: false; id: string; refusals: DisclosureRefusal[] };

/** Decision-engine reasons the register decides itself, from what is on file rather than the manifest. */
const REGISTER_REASONS = new Set([
  'deny.recipient-contract-missing',
  'deny.recipient-purpose-not-declared',
  'deny.recipient-category-not-declared',
]);

/**
 * Decides a disclosure and logs the decision, allowed or refused, with the caller (`actor`,
 * a key or user id). Refused when the recipient is unknown or its engagement has ended, a
 * contract it needs (manifest, P0-19, P0-23, P1-24) is not on file or expired, an SDK has no
 * passed security inspection, the purpose or a category is not declared for it, or the
 * decision engine refuses on the subject's ledger (consent, restriction, objection, transfer
 * rules), including a separate consent that names the recipient where the law asks for one.
 * A disclosure compelled by law is checked for a known recipient only, and logged; a recipient of
 * kind `authority` receives only such disclosures.
 */
export async function checkDisclosure(
  engine: Engine,
  request: DisclosureRequest,
  actor: string,
  now: Date = new Date(),
): Promise<DisclosureDecision> {
  const basis = request.basis ?? 'consent';
  const manifest = engine.policy.manifest;
  const recipient = manifest.recipients.find((r) => r.id === request.recipient);
  const refusals: DisclosureRefusal[] = [];
  if (!recipient) {
    refusals.push({
      code: 'disclosure.recipient-unknown',
      path: 'recipient',
      message: 'the policy in force declares no such recipient',
    });
  } else {
    const day = dayOf(now);
    const engagement = (await listEngagements(engine.store.db)).find((e) => e.recipient === recipient.id);
    if (engagement?.endedOn !== undefined && engagement.endedOn <= day) {
      refusals.push({
        code: 'disclosure.engagement-ended',
        path: 'recipient',
        message: `the engagement with '${recipient.id}' ended on ${engagement.endedOn}`,
      });
    }
    if (recipient.kind === 'authority' && basis !== 'legal-obligation') {
      // Authorities receive personal data only because a law or order compels it, never on
      // consent (AntSentry P0-27, the camera app P1-29): the caller names the basis and the law.
      refusals.push({
        code: 'disclosure.authority-needs-legal-obligation',
        path: 'basis',
        message: `'${recipient.id}' is an authority: a disclosure to it needs basis legal-obligation with the law or order in legalReference`,
      });
    } else if (basis !== 'legal-obligation') {
      const [contracts, inspections] = await Promise.all([
        listContracts(engine.store.db, recipient.id),
        listInspections(engine.store.db, recipient.id),
      ]);
      refusals.push(...registerRefusals(recipient, contracts, inspections, day));
      refusals.push(...declarationRefusals(recipient, request));
      refusals.push(...(await consentRefusals(engine, recipient, request)));
    }
  }
  const entry = await logDisclosure(engine.store.db, {
    recipient: request.recipient,
    subjectHash: engine.subjectHash(request.subject),
    purpose: request.purpose,
    categories: request.categories,
    basis,
    ...(request.legalReference !== undefined ? { legalReference: request.legalReference } : {}),
    allowed: refusals.length === 0,
    codes: refusals.map((r) => r.code),
    actor,
  });
  return refusals.length === 0
    ? { allowed: true, id: entry.id, basis }
    : { allowed: false, id: entry.id, refusals };
}

/** Contracts and inspections the recipient needs on file. */
function registerRefusals(
  recipient: Recipient,
  contracts: readonly ContractRecord[],
  inspections: readonly InspectionRecord[],
  day: string,
): DisclosureRefusal[] {
  const out: DisclosureRefusal[] = [];
  for (const requirement of contractRequirements(recipient)) {
    const status = requirementStatus(requirement, contracts, day);
    if (status === 'satisfied') continue;
    const kinds = requirement.anyOf.join(' or ');
    const why = requirement.rule === 'manifest' ? 'the manifest requires it' : `rule ${requirement.rule}`;
    out.push(
      status === 'expired'
        ? {
            code: 'disclosure.contract-expired',
            path: 'recipient',
            message: `every ${kinds} on file with '${recipient.id}' has expired or is not yet signed (${why})`,
          }
        : {
            code: 'disclosure.contract-missing',
            path: 'recipient',
            message: `no ${kinds} is on file with '${recipient.id}' (${why})`,
          },
    );
  }
  if (recipient.kind === 'sdk' && !passedSecurityInspection(inspections)) {
    out.push({
      code: 'disclosure.inspection-missing',
      path: 'recipient',
      message: `the SDK '${recipient.id}' has no passed security inspection on record (rule P1-24)`,
    });
  }
  return out;
}

/** The purpose and categories must be declared for the recipient. */
function declarationRefusals(recipient: Recipient, request: DisclosureRequest): DisclosureRefusal[] {
  const out: DisclosureRefusal[] = [];
  if (!recipient.purposes.includes(request.purpose)) {
    out.push({
      code: 'disclosure.purpose-not-declared',
      path: 'purpose',
      message: `the purpose is not declared for '${recipient.id}'`,
    });
  }
  request.categories.forEach((category, i) => {
    if (recipient.declaresNoCollection || !recipient.categories.includes(category)) {
      out.push({
        code: 'disclosure.category-not-declared',
        path: `categories.${i}`,
        message: `the category is not declared for '${recipient.id}'`,
      });
    }
  });
  return out;
}

/** The decision engine on the subject's ledger, then the named consent where the law wants one. */
async function consentRefusals(
  engine: Engine,
  recipient: Recipient,
  request: DisclosureRequest,
): Promise<DisclosureRefusal[]> {
  const events = await engine.events(request.subject);
  const state = engine.stateFromEvents(events, request.facts);
  const decision = decide(
    engine.policy.compiled,
    { purpose: request.purpose, categories: request.categories, recipient: recipient.id },
    state,
  );
  const reasons = decision.reasons.filter((r) => r.startsWith('deny.') && !REGISTER_REASONS.has(r));
  if (reasons.includes('deny.separate-consent-required')) {
    return [
      {
        code: 'disclosure.separate-consent-required',
        path: 'subject',
        message: `the subject's jurisdiction requires a separate consent to disclose to '${recipient.id}'`,
      },
    ];
  }
  if (reasons.length > 0) {
    return [
      {
        code: 'disclosure.consent-refused',
        path: 'subject',
        message: `the decision engine refuses: ${reasons.join(', ')}`,
      },
    ];
  }
  if (decision.legalBasis !== 'consent') return [];
  const jurisdiction = request.facts?.jurisdiction ?? state.jurisdiction;
  if (!needsNamedConsent(engine.policy.manifest, recipient, jurisdiction)) return [];
  if (consentNamesRecipient(events, engine.versions, recipient.id, request.purpose, request.categories))
    return [];
  return [
    {
      code: 'disclosure.consent-does-not-name-recipient',
      path: 'subject',
      message: `no separate consent in force was given to a notice naming '${recipient.id}' for this purpose and these categories`,
    },
  ];
}
