import type { Manifest, Recipient } from '../manifest/schema/index.js';
import { added, byId, change, listIds } from './change.js';
import { type ConsentNeed, consentOfPurposes, mergeNeeds, onlySome } from './consent.js';
import type { Change, DiffPair } from './types.js';

/** Recipient kinds that are other controllers ("other personal information handlers", PIPL Art. 23). */
const OTHER_CONTROLLERS: ReadonlySet<Recipient['kind']> = new Set<Recipient['kind']>([
  'third-party',
  'affiliate',
]);

/**
 * Recipients added or receiving more. Disclosure for consent-based purposes needs re-consent
 * from the subjects of those purposes; a recipient marked `consentRequired`, or another
 * controller under PIPL (separate consent, Art. 23), needs it from the subjects of the categories.
 */
export function diffRecipients({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  const old = byId(before.recipients);
  after.recipients.forEach((recipient, index) => {
    const path = `recipients[${index}]`;
    const previous = old.get(recipient.id);
    if (!previous) {
      const need = disclosureNeed(after, recipient, recipient.categories, recipient.purposes);
      changes.push(
        change({
          code: 'recipient-added',
          path,
          message: `recipient '${recipient.id}' (${recipient.kind}) added`,
          consentFrom: need.consentFrom,
          affected: { recipients: [recipient.id], categories: [...recipient.categories], ...need.affected },
        }),
      );
      return;
    }
    const newCategories = added(previous.categories, recipient.categories);
    if (newCategories.length > 0) {
      const need = disclosureNeed(after, recipient, newCategories, recipient.purposes);
      changes.push(
        change({
          code: 'recipient-categories-widened',
          path: `${path}.categories`,
          message: `recipient '${recipient.id}' now also receives ${listIds(newCategories)}`,
          consentFrom: need.consentFrom,
          affected: { recipients: [recipient.id], ...need.affected, categories: newCategories },
        }),
      );
    }
    const newPurposes = added(previous.purposes, recipient.purposes);
    if (newPurposes.length > 0) {
      const need = consentOfPurposes(after, newPurposes);
      changes.push(
        change({
          code: 'recipient-purposes-widened',
          path: `${path}.purposes`,
          message: `recipient '${recipient.id}' now also serves ${listIds(newPurposes)}`,
          consentFrom: need.consentFrom,
          affected: { recipients: [recipient.id], purposes: newPurposes, ...need.affected },
        }),
      );
    }
    if (recipient.country !== previous.country && recipient.country !== undefined) {
      changes.push(
        change({
          code: 'recipient-country-changed',
          path: `${path}.country`,
          message: `recipient '${recipient.id}' now processes data in ${recipient.country} (was ${previous.country ?? 'unstated'})`,
          affected: { recipients: [recipient.id], categories: [...recipient.categories] },
        }),
      );
    }
  });
  return changes;
}

/** Who must consent before `categories` go to the recipient for `purposes`. */
function disclosureNeed(
  manifest: Manifest,
  recipient: Recipient,
  categories: readonly string[],
  purposes: readonly string[],
): ConsentNeed {
  // A recipient listing no purposes serves every purpose that uses what it receives.
  const served =
    purposes.length > 0
      ? purposes
      : manifest.purposes.filter((p) => p.categories.some((c) => categories.includes(c))).map((p) => p.id);
  const needs: ConsentNeed[] = [consentOfPurposes(manifest, served)];
  const ofCategories: ConsentNeed =
    categories.length > 0
      ? { consentFrom: 'subjects-of-category', affected: { categories: [...categories] } }
      : { consentFrom: 'all-subjects', affected: {} };
  if (recipient.consentRequired) needs.push(ofCategories);
  if (OTHER_CONTROLLERS.has(recipient.kind) && manifest.policy.jurisdictions.includes('cn-pipl')) {
    const where = onlySome(new Set(['cn-pipl'] as const), manifest.policy.jurisdictions);
    needs.push({ ...ofCategories, affected: { ...ofCategories.affected, ...where } });
  }
  return mergeNeeds(needs);
}
