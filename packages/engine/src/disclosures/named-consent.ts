import { getJurisdiction, type JurisdictionKey, type Manifest, type Recipient } from '@pledge/core';
import type { LedgerEvent, PolicyVersion } from '@pledge/store';

/**
 * Whether the law of the subject's jurisdiction (or, when unknown, of any jurisdiction the
 * policy names) wants a consent of its own for giving data to another controller (PIPL
 * Art. 23): only for a recipient that decides on its own (a third party or an affiliate).
 */
export function needsNamedConsent(
  manifest: Manifest,
  recipient: Recipient,
  jurisdiction: JurisdictionKey | undefined,
): boolean {
  if (recipient.kind !== 'third-party' && recipient.kind !== 'affiliate') return false;
  const keys = jurisdiction ? [jurisdiction] : manifest.policy.jurisdictions;
  return keys.some((key) =>
    (getJurisdiction(key)?.separateConsentFor.value ?? []).includes('disclosure-to-controller'),
  );
}

/**
 * Whether the subject's consent in force for `purpose` names this recipient. Ledger events do
 * not name recipients; the notice does: a separate consent is given to the policy version it
 * records (`policyHash`), and that version's notice names the recipients of the purpose with
 * the categories they get. So the latest consent event for the purpose must be a separate
 * consent given under a version that declared this recipient for the purpose and for every
 * category disclosed. A recipient added to the purpose later was never named to the subject.
 */
export function consentNamesRecipient(
  events: readonly LedgerEvent[],
  versions: readonly PolicyVersion[],
  recipient: string,
  purpose: string,
  categories: readonly string[],
): boolean {
  let latest: LedgerEvent | undefined;
  for (const event of events) {
    if (event.type !== 'consent-given' && event.type !== 'consent-withdrawn') continue;
    if (event.purposes.length > 0 && !event.purposes.includes(purpose)) continue;
    if (!latest || event.occurredAt.getTime() >= latest.occurredAt.getTime()) latest = event;
  }
  const given = latest?.type === 'consent-given' && latest.consentMode === 'separate' ? latest : undefined;
  if (given === undefined) return false;
  if (given.categories.length > 0 && !categories.every((c) => given.categories.includes(c))) return false;
  const version = versions.find((v) => v.hash === given.policyHash);
  const named = version?.manifest.recipients.find((r) => r.id === recipient);
  if (named === undefined) return false;
  return named.purposes.includes(purpose) && categories.every((c) => named.categories.includes(c));
}
