import type { JurisdictionKey, Manifest } from '@pledge/core';
import { isAtOrUnder, runtimeDefault } from '@pledge/core/model-runtime';
import { bitsetOf, setBit, wordsFor } from './bitset.js';
import { JURISDICTION_SLOTS, SLOT_COUNT } from './codes.js';
import { compileJurisdictions } from './compile-jurisdictions.js';
import { compilePurposes } from './compile-purposes.js';
import { compileLocalisations, compileRecipients, compileTransfers } from './compile-recipients.js';
import { createDecisionMemo } from './decision.js';
import { compileEngineTables } from './engine-tables.js';
import { idIndex } from './id-index.js';
import type { CategoryTables, CompiledPolicy, IdIndex } from './policy.js';
import {
  type CompileOptions,
  type CompileSources,
  compileSources,
  type TaxonomyLookup,
} from './taxonomy-lookup.js';

/**
 * Compiles a validated manifest into an immutable {@link CompiledPolicy}: purposes,
 * categories and recipients become integer indexes (manifest order), sets become
 * `Uint32Array` bitsets, and per-jurisdiction consent modes, legal bases, minors' ages and
 * signal rules become small typed arrays the decision engine reads without allocating.
 *
 * Ids the manifest references but never declares are skipped here; `lintManifest`
 * reports them.
 *
 * @example
 * const policy = compilePolicy(manifest);
 * const decision = decide(policy, { purpose: 'marketing-email', categories: ['email'] }, subject);
 */
export function compilePolicy(manifest: Manifest, options: CompileOptions = {}): CompiledPolicy {
  const sources = compileSources(manifest, options);
  const purposes = idIndex(manifest.purposes);
  const categories = idIndex(manifest.categories);
  const recipients = idIndex(manifest.recipients);
  const categoryWords = wordsFor(categories.ids.length);
  const purposeWords = wordsFor(purposes.ids.length);
  const localisations = compileLocalisations(manifest, categories, categoryWords);
  const jurisdiction = compileJurisdictions(manifest, sources.jurisdiction, localisations, options.on);
  const purpose = compilePurposes(manifest, categories, categoryWords, jurisdiction, sources.taxonomy);
  const category = compileCategories(manifest, categories, categoryWords, sources);
  return Object.freeze({
    id: manifest.policy.id,
    version: manifest.policy.version,
    purposes,
    categories,
    recipients,
    categoryWords,
    purposeWords,
    purpose,
    category,
    recipient: compileRecipients(
      manifest,
      { purposes, categories },
      { purpose: purposeWords, category: categoryWords },
    ),
    jurisdiction,
    localisations,
    transfers: compileTransfers(manifest, { recipients, categories }, categoryWords),
    signals: Object.freeze({
      doNotTrack: manifest.signals.doNotTrack ?? runtimeDefault('signals.doNotTrack'),
      globalPrivacyControl:
        manifest.signals.globalPrivacyControl ?? runtimeDefault('signals.globalPrivacyControl'),
    }),
    accessLogging: manifest.security?.accessLogging === true,
    engine: compileEngineTables({
      purposeCount: purposes.ids.length,
      recipientCount: recipients.ids.length,
      categoryWords,
      purpose,
      category,
      jurisdiction,
      doNotTrack: manifest.signals.doNotTrack ?? runtimeDefault('signals.doNotTrack'),
    }),
    memo: createDecisionMemo(purposes.ids.length, categoryWords),
  });
}

function compileCategories(
  manifest: Manifest,
  categories: IdIndex,
  words: number,
  sources: CompileSources,
): CategoryTables {
  const own = manifest.categories.map(
    (category) => category.sensitive ?? taxonomySensitive(sources.taxonomy, category.taxonomy),
  );
  const sensitiveList = own.flatMap((sensitive, c) => (sensitive ? [c] : []));
  const sensitiveIn = new Uint32Array(SLOT_COUNT * words);
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const law = slot === 0 ? undefined : sources.jurisdiction(JURISDICTION_SLOTS[slot] as JurisdictionKey);
    const listed = law?.sensitive?.categories?.value;
    manifest.categories.forEach((category, c) => {
      const here =
        category.sensitive ??
        (listed === undefined
          ? own[c]
          : listed.some((key) => isAtOrUnder(sources.taxonomy, category.taxonomy, key)));
      if (here) setBit(sensitiveIn, slot * words, c);
    });
  }
  return Object.freeze({
    sensitive: bitsetOf(words, sensitiveList),
    sensitiveList: Object.freeze(sensitiveList),
    sensitiveIn,
    valid: bitsetOf(
      words,
      categories.ids.map((_, c) => c),
    ),
    taxonomy: Object.freeze(manifest.categories.map((category) => category.taxonomy)),
  });
}

function taxonomySensitive(taxonomy: TaxonomyLookup, key: string): boolean {
  try {
    return taxonomy.isSensitive(key);
  } catch {
    // A key the taxonomy does not know carries no sensitivity of its own.
    return false;
  }
}
