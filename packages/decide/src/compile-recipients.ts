import type { Manifest, TransferMechanism } from '@pledge/core';
import { bitsetOf, setBit } from './bitset.js';
import { LEVEL_EXPLICIT, LEVEL_NONE, LEVEL_SEPARATE } from './codes.js';
import { knownIndexes } from './id-index.js';
import type { CompiledLocalisation, CompiledTransfer, IdIndex, RecipientTables } from './policy.js';

/** Compiles the per-recipient tables. */
export function compileRecipients(
  manifest: Manifest,
  index: { purposes: IdIndex; categories: IdIndex },
  words: { purpose: number; category: number },
): RecipientTables {
  const count = manifest.recipients.length;
  const purposes = new Uint32Array(count * words.purpose);
  const categories = new Uint32Array(count * words.category);
  const contractMissing = new Uint8Array(count);
  const consentRequired = new Uint8Array(count);
  const controller = new Uint8Array(count);
  const missingContracts = manifest.recipients.map((recipient, r) => {
    for (const p of knownIndexes(index.purposes, recipient.purposes)) setBit(purposes, r * words.purpose, p);
    if (!recipient.declaresNoCollection) {
      for (const c of knownIndexes(index.categories, recipient.categories)) {
        setBit(categories, r * words.category, c);
      }
    }
    const missing = recipient.contracts.required.filter((kind) => !recipient.contracts.onFile.includes(kind));
    contractMissing[r] = missing.length > 0 ? 1 : 0;
    consentRequired[r] = recipient.consentRequired ? 1 : 0;
    controller[r] = recipient.kind === 'third-party' || recipient.kind === 'affiliate' ? 1 : 0;
    return Object.freeze(missing);
  });
  return Object.freeze({
    purposes,
    categories,
    contractMissing,
    missingContracts: Object.freeze(missingContracts),
    consentRequired,
    controller,
    country: Object.freeze(manifest.recipients.map((recipient) => recipient.country?.toUpperCase())),
  });
}

/** Compiles the localisation rules. */
export function compileLocalisations(
  manifest: Manifest,
  categories: IdIndex,
  words: number,
): readonly CompiledLocalisation[] {
  return Object.freeze(
    manifest.transfers.localisation.map((rule) =>
      Object.freeze({
        region: rule.region.toUpperCase(),
        allCategories: rule.categories.length === 0,
        categories: bitsetOf(words, knownIndexes(categories, rule.categories)),
      }),
    ),
  );
}

/**
 * Mechanisms that legitimise a transfer on their own. Without one, a transfer that lists
 * consent needs it (`legal-requirement` and `contract-necessity` only cover some cases, which
 * the engine cannot see).
 */
const STANDALONE: ReadonlySet<TransferMechanism> = new Set([
  'adequacy',
  'scc',
  'bcr',
  'pipl-standard-contract',
  'pipl-security-assessment',
  'pipl-certification',
  'anonymised',
]);

/** Compiles the declared transfers. */
export function compileTransfers(
  manifest: Manifest,
  index: { recipients: IdIndex; categories: IdIndex },
  words: number,
): readonly CompiledTransfer[] {
  return Object.freeze(
    manifest.transfers.transfers.map((transfer) => {
      const mechanisms = Object.freeze([...transfer.mechanisms]);
      const safeguarded = mechanisms.some((mechanism) => STANDALONE.has(mechanism));
      const level = safeguarded
        ? LEVEL_NONE
        : mechanisms.includes('separate-consent')
          ? LEVEL_SEPARATE
          : mechanisms.includes('consent')
            ? LEVEL_EXPLICIT
            : LEVEL_NONE;
      return Object.freeze({
        id: transfer.id,
        from: transfer.from?.toUpperCase(),
        to: transfer.to.toUpperCase(),
        recipients:
          transfer.recipients.length === 0
            ? undefined
            : Object.freeze(new Set(knownIndexes(index.recipients, transfer.recipients))),
        allCategories: transfer.categories.length === 0,
        categories: bitsetOf(words, knownIndexes(index.categories, transfer.categories)),
        mechanisms,
        level,
      });
    }),
  );
}
