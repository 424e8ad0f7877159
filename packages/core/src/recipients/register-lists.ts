/**
 * The recipients register's vocabularies: the one list of each. The store keeps them, the
 * engine checks them, the wire schemas (`@pledge/protocol`) and the CLI accept only these.
 */

/** Kinds of check a recipient undergoes (P0-28 audits and appraisals, P1-24 SDK security inspections). */
export const INSPECTION_KINDS = ['security-inspection', 'appraisal', 'audit'] as const;
/** One of {@link INSPECTION_KINDS}. */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** How an inspection ended. */
export const INSPECTION_OUTCOMES = ['passed', 'passed-with-findings', 'failed'] as const;
/** One of {@link INSPECTION_OUTCOMES}. */
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

/** The legal basis a disclosure relies on: `legal-obligation` is a disclosure compelled by law. */
export const DISCLOSURE_BASES = ['consent', 'contract', 'legal-obligation'] as const;
/** One of {@link DISCLOSURE_BASES}. */
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

/** Where a deletion request to a recipient stands. */
export const DELETION_REQUEST_STATUSES = ['pending', 'sent', 'confirmed'] as const;
/** One of {@link DELETION_REQUEST_STATUSES}. */
export type DeletionRequestStatus = (typeof DELETION_REQUEST_STATUSES)[number];

/** Media types a contract document may have. */
export const CONTRACT_MEDIA_TYPES = ['application/pdf', 'text/plain'] as const;
/** One of {@link CONTRACT_MEDIA_TYPES}. */
export type ContractMediaType = (typeof CONTRACT_MEDIA_TYPES)[number];

/** Largest contract document filed, bytes (10 MiB). */
export const MAX_CONTRACT_BYTES = 10 * 1024 * 1024;
