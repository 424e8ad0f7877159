import type { ContractKind, Recipient } from '@pledge/core';
import type { ContractRecord, InspectionRecord } from '@pledge/store';

/** Where a contract requirement comes from: the manifest, or a seed promise the register enforces. */
export type RequirementRule = 'manifest' | 'P0-19' | 'P0-23' | 'P1-24';

/** One contract a recipient must have on file: any one of `anyOf`. */
export interface ContractRequirement {
  anyOf: readonly ContractKind[];
  rule: RequirementRule;
}

/** P0-19: a processor works under a confidentiality or processing agreement. */
const PROCESSOR_TERMS: readonly ContractKind[] = ['dpa', 'nda'];
/** P0-23: an affiliate or partner is bound by an NDA or a data-protection contract. */
const PARTNER_TERMS: readonly ContractKind[] = ['nda', 'dpa', 'joint-controller', 'pipl-standard-contract'];
/** P1-24: an SDK has an agreed data-protection term. */
const SDK_TERMS: readonly ContractKind[] = ['dpa', 'nda'];

const DERIVED: Partial<Record<Recipient['kind'], { anyOf: readonly ContractKind[]; rule: RequirementRule }>> =
  {
    processor: { anyOf: PROCESSOR_TERMS, rule: 'P0-19' },
    affiliate: { anyOf: PARTNER_TERMS, rule: 'P0-23' },
    'third-party': { anyOf: PARTNER_TERMS, rule: 'P0-23' },
    sdk: { anyOf: SDK_TERMS, rule: 'P1-24' },
  };

/**
 * The contracts a recipient needs on file: each kind `contracts.required` lists, plus the
 * one its kind needs by the seed promises (left out when a listed kind already meets it,
 * and for a recipient that declares it collects nothing). Authorities need none: the law
 * compels those disclosures.
 */
export function contractRequirements(recipient: Recipient): ContractRequirement[] {
  const listed = recipient.contracts.required.map((kind) => ({ anyOf: [kind], rule: 'manifest' as const }));
  const derived = DERIVED[recipient.kind];
  if (!derived || recipient.declaresNoCollection) return listed;
  if (recipient.contracts.required.some((kind) => derived.anyOf.includes(kind))) return listed;
  return [...listed, { anyOf: derived.anyOf, rule: derived.rule }];
}

/** Whether a contract is in force on `day` (`YYYY-MM-DD`): signed by then and not expired. */
export function contractInForce(contract: ContractRecord, day: string): boolean {
  return contract.signedOn <= day && (contract.expiresOn === undefined || contract.expiresOn >= day);
}

/** Where a requirement stands on `day`: met, only met by expired contracts, or not met at all. */
export function requirementStatus(
  requirement: ContractRequirement,
  contracts: readonly ContractRecord[],
  day: string,
): 'satisfied' | 'expired' | 'missing' {
  const matching = contracts.filter((c) => (requirement.anyOf as readonly string[]).includes(c.kind));
  if (matching.some((c) => contractInForce(c, day))) return 'satisfied';
  return matching.length > 0 ? 'expired' : 'missing';
}

/** P1-24: an SDK needs a passed security inspection on record. */
export function passedSecurityInspection(inspections: readonly InspectionRecord[]): boolean {
  return inspections.some((i) => i.kind === 'security-inspection' && i.outcome !== 'failed');
}

/** P0-28: a processor or partner needs a logged audit or appraisal (or inspection). */
export function loggedAudit(inspections: readonly InspectionRecord[]): boolean {
  return inspections.length > 0;
}

/** Today as `YYYY-MM-DD` (UTC). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
