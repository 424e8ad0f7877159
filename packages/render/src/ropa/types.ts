import type { Language, LegalBasis } from '@pledge/core';

/** Who is responsible for the processing (GDPR Art. 30(1)(a)). */
export interface RopaController {
  name: string;
  address?: string;
  country?: string;
  /** Published contact channels, as `kind: value`. */
  contacts: string[];
  /** Representatives in other regions (Art. 27), as `name (region)`. */
  representatives: string[];
  /** Data protection officer: name and contact, when the manifest names one. */
  dpo?: string;
}

/** A category of personal data a purpose uses (Art. 30(1)(c)). */
export interface RopaCategory {
  id: string;
  name: string;
  taxonomy: string;
  sensitive: boolean;
}

/** A recipient of the data (Art. 30(1)(d)). */
export interface RopaRecipient {
  id: string;
  name: string;
  kind: string;
  country?: string;
  /** Outside the controller's country (outside the EEA for an EEA controller). */
  thirdCountry: boolean;
}

/** A transfer to a third country and its safeguards (Art. 30(1)(e)). */
export interface RopaTransfer {
  id: string;
  to: string;
  recipients: string[];
  /** Transfer mechanisms, e.g. `scc`, `adequacy`, `separate-consent`. */
  safeguards: string[];
}

/** How long a group of categories is kept (Art. 30(1)(f)). */
export interface RopaErasure {
  categories: string[];
  /** E.g. `30 days after account-closed, then delete`, or `not stated`. */
  limit: string;
}

/** One processing activity: one purpose of the manifest, with every Art. 30(1) field. */
export interface RopaRecord {
  /** The purpose id. */
  id: string;
  /** Language the texts are in. */
  lang: Language;
  controller: RopaController;
  purpose: { name: string; description?: string; taxonomy: string };
  /** Legal basis in each jurisdiction the policy addresses. */
  legalBasis: Array<{ jurisdiction: string; basis: LegalBasis }>;
  /** Kinds of data subjects (taxonomy keys such as `customer`). */
  dataSubjects: string[];
  dataCategories: RopaCategory[];
  recipients: RopaRecipient[];
  transfers: RopaTransfer[];
  erasure: RopaErasure[];
  /** General description of the technical and organisational security measures. */
  security: string[];
}
