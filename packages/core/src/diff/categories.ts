import { buildModel } from '../manifest/model/build-model.js';
import { byId, change } from './change.js';
import type { Change, DiffPair } from './types.js';

/**
 * Categories of personal data newly declared. A new sensitive category (by its own flag, else
 * by the taxonomy) needs consent from the subjects it is collected from: explicit consent,
 * GDPR Art. 9(2)(a); separate consent, PIPL Art. 29. What the purposes using it need is
 * reported by the purpose changes.
 */
export function diffCategories({ before, after }: DiffPair): Change[] {
  const old = byId(before.categories);
  const model = buildModel(after);
  const changes: Change[] = [];
  after.categories.forEach((category, index) => {
    if (old.has(category.id)) return;
    const sensitive = model.sensitivityOf(category);
    changes.push(
      change({
        code: 'category-added',
        path: `categories[${index}]`,
        message: `data category '${category.id}' (${category.taxonomy})${sensitive ? ', sensitive,' : ''} added`,
        consentFrom: sensitive ? 'subjects-of-category' : 'none',
        affected: { categories: [category.id] },
      }),
    );
  });
  return changes;
}
