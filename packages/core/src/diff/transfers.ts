import type { Manifest, Transfer } from '../manifest/schema/index.js';
import { added, byId, change, listIds } from './change.js';
import { type ConsentNeed, mergeNeeds, onlySome } from './consent.js';
import type { Change, DiffPair } from './types.js';

/**
 * New transfers abroad (a new transfer, a new destination, more categories, a new storage
 * country). A transfer that rests on consent needs it from the subjects of the categories;
 * under PIPL any transfer out of China needs separate consent (Art. 39).
 */
export function diffTransfers({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  const old = byId(before.transfers.transfers);
  after.transfers.transfers.forEach((transfer, index) => {
    const path = `transfers.transfers[${index}]`;
    const previous = old.get(transfer.id);
    let what: string | undefined;
    let categories = transfer.categories;
    if (!previous) what = `transfer '${transfer.id}' to ${transfer.to} added`;
    else if (previous.to !== transfer.to)
      what = `transfer '${transfer.id}' now goes to ${transfer.to} (was ${previous.to})`;
    else if (previous.categories.length > 0 && transfer.categories.length === 0) {
      what = `transfer '${transfer.id}' now covers every category`;
    } else if (previous.categories.length > 0) {
      categories = added(previous.categories, transfer.categories);
      if (categories.length > 0) what = `transfer '${transfer.id}' now also covers ${listIds(categories)}`;
    }
    if (!what) return;
    const need = transferNeed(after, transfer, categories);
    changes.push(
      change({
        code: 'transfer-added',
        path,
        message: what,
        consentFrom: need.consentFrom,
        affected: { recipients: [...transfer.recipients], categories: [...categories], ...need.affected },
      }),
    );
  });
  after.transfers.storage.forEach((country, index) => {
    if (before.transfers.storage.includes(country)) return;
    const need = mergeNeeds([piplNeed(after, undefined, country, [])]);
    changes.push(
      change({
        code: 'transfer-added',
        path: `transfers.storage[${index}]`,
        message: `personal data now also stored in ${country}`,
        consentFrom: need.consentFrom,
        affected: need.affected,
      }),
    );
  });
  changes.push(...localisationChanges({ before, after }));
  return changes;
}

function transferNeed(manifest: Manifest, transfer: Transfer, categories: readonly string[]): ConsentNeed {
  const onConsent = transfer.mechanisms.some((m) => m === 'consent' || m === 'separate-consent');
  return mergeNeeds([
    onConsent ? ofCategories(categories) : { consentFrom: 'none', affected: {} },
    piplNeed(manifest, transfer.from, transfer.to, categories),
  ]);
}

/** PIPL Art. 39: providing personal information outside China needs separate consent. */
function piplNeed(
  manifest: Manifest,
  from: string | undefined,
  to: string,
  categories: readonly string[],
): ConsentNeed {
  const origin = from ?? manifest.controller.country;
  if (!manifest.policy.jurisdictions.includes('cn-pipl') || to === 'CN' || (origin && origin !== 'CN')) {
    return { consentFrom: 'none', affected: {} };
  }
  const need = ofCategories(categories);
  return {
    ...need,
    affected: { ...need.affected, ...onlySome(new Set(['cn-pipl'] as const), manifest.policy.jurisdictions) },
  };
}

function ofCategories(categories: readonly string[]): ConsentNeed {
  return categories.length > 0
    ? { consentFrom: 'subjects-of-category', affected: { categories: [...categories] } }
    : { consentFrom: 'all-subjects', affected: {} };
}

/** Localisation rules dropped or narrowed: data may now leave a region it had to stay in. */
function localisationChanges({ before, after }: DiffPair): Change[] {
  const changes: Change[] = [];
  before.transfers.localisation.forEach((was, index) => {
    const nowIndex = after.transfers.localisation.findIndex((l) => l.region === was.region);
    const now = after.transfers.localisation[nowIndex];
    const path = now ? `transfers.localisation[${nowIndex}]` : `transfers.localisation[${index}]`;
    let what: string | undefined;
    if (!now) what = `data no longer has to stay in ${was.region}`;
    else if (was.categories.length === 0 && now.categories.length > 0) {
      what = `only ${listIds(now.categories)} still have to stay in ${was.region}`;
    } else if (was.categories.length > 0 && now.categories.length > 0) {
      const freed = was.categories.filter((c) => !now.categories.includes(c));
      if (freed.length > 0) what = `${listIds(freed)} no longer have to stay in ${was.region}`;
    }
    if (!what && now && now.exceptions.length > was.exceptions.length) {
      what = `${now.exceptions.length - was.exceptions.length} new exception(s) to keeping data in ${was.region}`;
    }
    if (what) changes.push(change({ code: 'localisation-removed', path, message: what }));
  });
  return changes;
}
