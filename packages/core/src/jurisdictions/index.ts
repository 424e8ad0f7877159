import type { JurisdictionKey } from '../manifest/schema/common';
import { brLgpd } from './br-lgpd';
import { cnPipl } from './cn-pipl';
import { euGdpr } from './eu-gdpr';
import type { Jurisdiction } from './types';
import { ukGdpr } from './uk-gdpr';
import { usCaCcpa } from './us-ca-ccpa';

/**
 * The jurisdictions whose rules ship with Pledge, as data. Every fact carries its citation
 * (`cite.ref`, `cite.url`) and how well it was checked (`cite.verification`).
 */
export const jurisdictions: Record<JurisdictionKey, Jurisdiction> = {
  'eu-gdpr': euGdpr,
  'uk-gdpr': ukGdpr,
  'us-ca-ccpa': usCaCcpa,
  'cn-pipl': cnPipl,
  'br-lgpd': brLgpd,
};

/** The rules of a jurisdiction, or undefined for a key Pledge does not ship. */
export function getJurisdiction(key: string): Jurisdiction | undefined {
  return Object.hasOwn(jurisdictions, key) ? jurisdictions[key as JurisdictionKey] : undefined;
}

export { gdprSpecialCategories } from './eu-gdpr';
export type {
  BreachClock,
  Citation,
  Fact,
  Jurisdiction,
  StatutoryDeadline,
  Verification,
} from './types';
