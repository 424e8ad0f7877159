import {
  buildModel,
  type DataCategory,
  type DurationUnit,
  type Language,
  type LegalBasis,
  type LocalText,
  type Manifest,
  type ManifestModel,
  type Purpose,
} from '@pledge/core';
import { countryName, localText, type MessageKey, type MessageParams, translate } from './i18n/index.js';

/** Everything a section builder needs: the manifest, the language and lookups. */
export interface RenderContext {
  readonly manifest: Manifest;
  /** The resolved view of the manifest: id maps, taxonomy, sensitivity, what was stated. */
  readonly model: ManifestModel;
  readonly lang: Language;
  /** A fixed string in the output language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A manifest text in the output language (falls back to the other language). */
  text(value: LocalText | undefined): string;
  /** Ends a text with a full stop unless it already ends with sentence punctuation or a colon. */
  sentence(text: string): string;
  /** Joins manifest texts as sentences, each ending with a full stop. */
  sentences(values: LocalText[]): string;
  /** Joins sentences (skipping empty ones) the way the language does. */
  concat(parts: string[]): string;
  /** Joins items with the language's list separator. */
  join(items: string[]): string;
  /** "15 working days", "15个工作日". */
  duration(value: { amount: number; unit: DurationUnit }): string;
  /** Country name, or the code itself when the table has none. */
  country(code: string | undefined): string;
  categoryNames(ids: string[]): string;
  purposeNames(ids: string[]): string;
  recipientName(id: string): string;
  /** Name of a legal basis, from the taxonomy. */
  legalBasis(key: LegalBasis): string;
  /** Sensitivity: the manifest flag, otherwise the taxonomy's. */
  isSensitive(category: DataCategory): boolean;
  /** The purpose is marketing (fideslang `marketing` subtree). */
  isMarketing(purpose: Purpose): boolean;
}

/** Creates the context for one rendering. Pure: reads only its arguments. */
export function createRenderContext(manifest: Manifest, lang: Language): RenderContext {
  const model = buildModel(manifest);
  const { taxonomy, categories, purposes, recipients } = model;
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const text = (value: LocalText | undefined) => localText(value, lang).trim();
  const join = (items: string[]) => items.filter((item) => item !== '').join(t('common.separator'));
  const nameOr = (value: LocalText | undefined, id: string) => text(value) || id;
  const sentence = (value: string) =>
    value === '' || /[.!?:;。！？：；]$/.test(value) ? value : t('common.sentence', { text: value });
  const concat = (parts: string[]) => parts.filter((p) => p !== '').join(t('common.sentenceSeparator'));
  return {
    manifest,
    model,
    lang,
    t,
    text,
    join,
    sentence,
    sentences: (values) => concat(values.map((v) => sentence(text(v)))),
    concat,
    duration: (value) =>
      t('common.duration', {
        amount: value.amount,
        unit: t(`unit.${value.unit}.${value.amount === 1 ? 'one' : 'other'}`),
      }),
    country: (code) => {
      if (code === undefined || code.trim() === '') return t('common.notStated');
      if (code.toUpperCase() === 'XX') return t('common.unspecifiedCountry');
      return countryName(code, lang) ?? code;
    },
    categoryNames: (ids) => join(ids.map((id) => nameOr(categories.get(id)?.name, id))),
    purposeNames: (ids) => join(ids.map((id) => nameOr(purposes.get(id)?.name, id))),
    recipientName: (id) => nameOr(recipients.get(id)?.name, id),
    legalBasis: (key) => nameOr(taxonomy.get('legal-basis', key)?.name, key),
    isSensitive: (category) => model.sensitivityOf(category),
    isMarketing: (purpose) => model.isUnder(purpose.taxonomy, 'marketing', 'purpose'),
  };
}
