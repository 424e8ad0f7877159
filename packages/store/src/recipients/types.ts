import type {
  ContractMediaType,
  DeletionRequestStatus,
  DisclosureBasis,
  InspectionKind,
  InspectionOutcome,
} from '@pledge/core';

/** A contract on file, without its document. */
export interface ContractRecord {
  id: string;
  recipient: string;
  /** A `ContractKind` of the manifest (dpa, nda, scc...). */
  kind: string;
  /** `YYYY-MM-DD`. */
  signedOn: string;
  /** `YYYY-MM-DD`; none: no expiry. */
  expiresOn?: string;
  mediaType: ContractMediaType;
  size: number;
  sha256: string;
  recordedBy: string;
  recordedAt: Date;
}

/** A contract to file: the checked document and its facts. */
export interface ContractInput extends Omit<ContractRecord, 'id' | 'recordedAt' | 'size' | 'sha256'> {
  document: Uint8Array;
}

/** An inspection, appraisal or audit on record. */
export interface InspectionRecord {
  id: string;
  recipient: string;
  kind: InspectionKind;
  outcome: InspectionOutcome;
  /** `YYYY-MM-DD`. */
  performedOn: string;
  note?: string;
  recordedBy: string;
  recordedAt: Date;
}

/** An engagement's dates (`YYYY-MM-DD`). */
export interface EngagementRecord {
  recipient: string;
  startedOn?: string;
  endedOn?: string;
}

/** A disclosure decision to log. */
export interface DisclosureInput {
  recipient: string;
  /** Keyed hash of the subject identifier. */
  subjectHash: string;
  purpose: string;
  categories: readonly string[];
  basis: DisclosureBasis;
  legalReference?: string;
  allowed: boolean;
  /** The refusal codes (empty when allowed). */
  codes: readonly string[];
  /** Who asked: the key or user id, never a person's name. */
  actor: string;
}

/** A logged disclosure decision. */
export interface DisclosureRecord extends Omit<DisclosureInput, 'categories' | 'codes'> {
  id: string;
  categories: string[];
  codes: string[];
  at: Date;
}

/** A deletion request to a recipient. */
export interface DeletionRequestRecord {
  id: string;
  recipient: string;
  engagementEndedOn: string;
  status: DeletionRequestStatus;
  requestedAt: Date;
  statusAt: Date;
}
