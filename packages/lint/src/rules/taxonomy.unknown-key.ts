import { type Taxonomy, type TaxonomyKind, withDidYouMean } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** A taxonomy key that is neither built in nor added under `taxonomy`. */
export const taxonomyUnknownKey = defineRule({
  code: 'taxonomy.unknown-key',
  severity: 'error',
  title: 'Unknown taxonomy key',
  description:
    'Checks that the taxonomy key of every category and purpose, every data-subject key, and the parent of every taxonomy extension exist in the built-in taxonomy or among the manifest extensions.',
  why: 'The taxonomy key says what the data or use is: Pledge derives sensitivity, the DPV and fideslang mapping and the legal rules that apply from it. An unknown key silently drops those rules (for example the separate consent sensitive data needs).',
  check(ctx, report) {
    const t = ctx.taxonomy;
    const hint = (message: string, kind: TaxonomyKind, key: string) => suggest(t, message, kind, key);
    ctx.manifest.categories.forEach((category, i) => {
      if (!t.has('category', category.taxonomy)) {
        report(
          ['categories', i, 'taxonomy'],
          hint(`"${category.taxonomy}" is not a known data category key`, 'category', category.taxonomy),
        );
      }
      category.subjects.forEach((subject, j) => {
        if (!t.has('subject', subject))
          report(
            ['categories', i, 'subjects', j],
            hint(`"${subject}" is not a known data subject key`, 'subject', subject),
          );
      });
    });
    ctx.manifest.purposes.forEach((purpose, i) => {
      if (!t.has('purpose', purpose.taxonomy)) {
        report(
          ['purposes', i, 'taxonomy'],
          hint(`"${purpose.taxonomy}" is not a known purpose (data use) key`, 'purpose', purpose.taxonomy),
        );
      }
    });
    const extensions = [
      ['categories', 'category'],
      ['purposes', 'purpose'],
    ] as const;
    for (const [list, kind] of extensions) {
      ctx.manifest.taxonomy[list].forEach((extension, i) => {
        if (!t.has(kind, extension.parent)) {
          report(
            ['taxonomy', list, i, 'parent'],
            hint(`parent "${extension.parent}" is not a known ${kind} key`, kind, extension.parent),
          );
        }
      });
    }
  },
  examples: {
    failing: { categories: [{ id: 'email', taxonomy: 'user.contact.e_mail' }] },
    passing: { categories: [{ id: 'email', taxonomy: 'user.contact.email' }] },
  },
});

/** The message, with "Did you mean" the closest key of the kind when one is close. */
function suggest(taxonomy: Taxonomy, message: string, kind: TaxonomyKind, key: string): string {
  const keys = taxonomy.entries.filter((entry) => entry.kind === kind).map((entry) => entry.key);
  return withDidYouMean(message, key, keys);
}
