import {
  buildModel,
  formatDuration,
  type Language,
  type Manifest,
  type Purpose,
  type Recipient,
  retentionActions,
  valueFor,
} from '@pledge/core';
import { describeController } from './controller.js';
import { localText } from './local-text.js';
import { describeSecurity } from './security.js';
import type { RopaErasure, RopaRecipient, RopaRecord, RopaTransfer } from './types.js';

/** European Economic Area: transfers between its members are not to a third country. */
const EEA = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

/** Options for {@link buildRopa}. */
export interface RopaOptions {
  /** Language of the texts; default: the policy's default language. */
  lang?: Language;
}

/**
 * The record of processing activities (GDPR Art. 30(1)) of a manifest: one record per
 * purpose, with the controller, the purpose, the data subjects and categories, the recipients
 * (marking those in third countries), the transfers and their safeguards, the erasure time
 * limits and the security measures. Pure: the caller writes it out with {@link ropaToCsv}
 * or {@link ropaToJson}.
 *
 * @example
 * const csv = ropaToCsv(buildRopa(manifest, { lang: 'en' }));
 */
export function buildRopa(manifest: Manifest, options: RopaOptions = {}): RopaRecord[] {
  const lang = options.lang ?? manifest.policy.defaultLanguage;
  const controller = describeController(manifest.controller, lang);
  const security = describeSecurity(manifest.security, lang);
  const model = buildModel(manifest);
  const home = homeRegion(manifest.controller.country);
  return manifest.purposes.map((purpose) => {
    const categories = manifest.categories.filter((c) => purpose.categories.includes(c.id));
    const recipients = recipientsOf(manifest, purpose);
    return {
      id: purpose.id,
      lang,
      controller,
      purpose: {
        name: localText(purpose.name, lang) ?? purpose.id,
        ...optional('description', localText(purpose.description, lang)),
        taxonomy: purpose.taxonomy,
      },
      legalBasis: manifest.policy.jurisdictions.map((jurisdiction) => ({
        jurisdiction,
        basis: valueFor(purpose.legalBasis, jurisdiction),
      })),
      dataSubjects: [...new Set(categories.flatMap((c) => c.subjects))],
      dataCategories: categories.map((c) => ({
        id: c.id,
        name: localText(c.name, lang) ?? c.id,
        taxonomy: c.taxonomy,
        sensitive: model.sensitivityOf(c),
      })),
      recipients: recipients.map((r) => describeRecipient(r, lang, home)),
      transfers: transfersOf(manifest, purpose, recipients),
      erasure: erasureOf(manifest, purpose, lang),
      security,
    };
  });
}

/** Recipients serving the purpose: listed for it, or listing no purpose and receiving its data. */
function recipientsOf(manifest: Manifest, purpose: Purpose): Recipient[] {
  return manifest.recipients.filter((r) =>
    r.purposes.length > 0
      ? r.purposes.includes(purpose.id)
      : r.categories.some((c) => purpose.categories.includes(c)),
  );
}

function describeRecipient(
  recipient: Recipient,
  lang: Language,
  home: ReadonlySet<string> | undefined,
): RopaRecipient {
  return {
    id: recipient.id,
    name: localText(recipient.name, lang) ?? recipient.id,
    kind: recipient.kind,
    ...optional('country', recipient.country),
    thirdCountry: isThirdCountry(recipient.country, home),
  };
}

/** Transfers that can carry the purpose's data: matching categories (or any) and recipients (or any). */
function transfersOf(manifest: Manifest, purpose: Purpose, recipients: readonly Recipient[]): RopaTransfer[] {
  const ids = new Set(recipients.map((r) => r.id));
  return manifest.transfers.transfers
    .filter(
      (t) =>
        (t.categories.length === 0 || t.categories.some((c) => purpose.categories.includes(c))) &&
        (t.recipients.length === 0 || t.recipients.some((r) => ids.has(r))),
    )
    .map((t) => ({ id: t.id, to: t.to, recipients: [...t.recipients], safeguards: [...t.mechanisms] }));
}

/** Erasure time limits of the purpose's categories, grouped by the rule that sets them. */
function erasureOf(manifest: Manifest, purpose: Purpose, lang: Language): RopaErasure[] {
  const groups = new Map<string, string[]>();
  for (const category of purpose.categories) {
    const rules = manifest.retention.rules.filter((r) => r.categories.includes(category));
    const limits =
      rules.length === 0
        ? ['not stated']
        : rules.map((rule) => {
            const criteria = rule.criteria.map((c) => localText(c, lang)).filter(Boolean);
            const when = rule.duration
              ? `${formatDuration(rule.duration)} after ${rule.anchor}`
              : criteria.length > 0
                ? criteria.join('; ')
                : 'not stated';
            // The record is of what happens at run time, so an unstated action reads as Pledge's default.
            return `${when}, then ${retentionActions(rule).join(' or ')}`;
          });
    const limit = limits.join(' | ');
    groups.set(limit, [...(groups.get(limit) ?? []), category]);
  }
  return [...groups].map(([limit, categories]) => ({ categories, limit }));
}

function homeRegion(country: string | undefined): ReadonlySet<string> | undefined {
  if (!country) return undefined;
  const code = country.toUpperCase();
  return EEA.has(code) ? EEA : new Set([code]);
}

function isThirdCountry(country: string | undefined, home: ReadonlySet<string> | undefined): boolean {
  return country !== undefined && home !== undefined && !home.has(country.toUpperCase());
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
