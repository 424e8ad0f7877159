import type { JurisdictionKey } from '../manifest/schema/common.js';
import { withEcaDigital } from './br-eca-digital.js';
import { brLgpd } from './br-lgpd.js';
import { cnPipl } from './cn-pipl.js';
import { euGdpr } from './eu-gdpr.js';
import { inDpdp } from './in-dpdp.js';
import type { Jurisdiction } from './types.js';
import { ukGdpr } from './uk-gdpr.js';
import { usCaCcpa } from './us-ca-ccpa.js';
import { withSignalDisplay } from './us-ca-signal-display.js';
import { usStates } from './us-states/index.js';

/**
 * The jurisdictions whose rules ship with Pledge, as data. Every fact carries its citation
 * (`cite.ref`, `cite.url`) and how well it was checked (`cite.verification`).
 */
export const jurisdictions: Record<JurisdictionKey, Jurisdiction> = {
  'eu-gdpr': euGdpr,
  'uk-gdpr': ukGdpr,
  'us-ca-ccpa': withSignalDisplay(usCaCcpa),
  'cn-pipl': cnPipl,
  'br-lgpd': withEcaDigital(brLgpd),
  ...usStates,
  'in-dpdp': inDpdp,
};

/** The rules of a jurisdiction, or undefined for a key Pledge does not ship. */
export function getJurisdiction(key: string): Jurisdiction | undefined {
  return Object.hasOwn(jurisdictions, key) ? jurisdictions[key as JurisdictionKey] : undefined;
}

export { citationProblems, isLandingPage, OFFICIAL_HOSTS } from './citation-check.js';
export { gdprSpecialCategories } from './eu-gdpr.js';
export { countByVerification, type ListedFact, listFacts, type VerificationCounts } from './fact-list.js';
export {
  INCIDENT_DUTIES,
  INCIDENT_GRADES,
  INCIDENT_REPORTERS,
  type IncidentDuty,
  type IncidentGrade,
  type IncidentReporter,
} from './incident.js';
export { authorityNoticeRequired, consentAgeFor, deadlineForRight } from './rule-lookups.js';
export type {
  BreachClock,
  Citation,
  Fact,
  GradedBreachClock,
  Jurisdiction,
  StatutoryDeadline,
  Verification,
} from './types.js';
export { coppa } from './us-coppa.js';
