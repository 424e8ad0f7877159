/**
 * Why a disclosure is refused: the one list of stable codes (append only). Each refusal
 * names the field at fault in `path`.
 */
export const DISCLOSURE_REFUSALS = [
  'disclosure.recipient-unknown',
  'disclosure.engagement-ended',
  'disclosure.contract-missing',
  'disclosure.contract-expired',
  'disclosure.inspection-missing',
  'disclosure.purpose-not-declared',
  'disclosure.category-not-declared',
  'disclosure.consent-refused',
  'disclosure.separate-consent-required',
  'disclosure.consent-does-not-name-recipient',
  'disclosure.authority-needs-legal-obligation',
] as const;
/** One of {@link DISCLOSURE_REFUSALS}. */
export type DisclosureRefusalCode = (typeof DISCLOSURE_REFUSALS)[number];

/** One reason a disclosure is refused. */
export interface DisclosureRefusal {
  code: DisclosureRefusalCode;
  /** The request field at fault (`recipient`, `purpose`, `categories.1`, `subject`). */
  path: string;
  /** Names ids and rules, never personal data. */
  message: string;
}
