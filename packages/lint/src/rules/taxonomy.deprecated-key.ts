import { defineRule } from '../define-rule.js';

/** A category or purpose uses a fideslang key that fideslang has replaced. */
export const taxonomyDeprecatedKey = defineRule({
  code: 'taxonomy.deprecated-key',
  severity: 'info',
  title: 'Deprecated taxonomy key',
  description:
    'Checks whether a category or purpose uses a taxonomy key deprecated in fideslang 3.2, and names its replacement.',
  why: 'Deprecated keys still work, but tools that speak current fideslang (and the ROPA export) will not recognise them. Moving to the replacement keeps the mapping stable.',
  check(ctx, report) {
    ctx.manifest.categories.forEach((category, i) => {
      const replacedBy = ctx.taxonomy.get('category', category.taxonomy)?.replacedBy;
      if (replacedBy)
        report(['categories', i, 'taxonomy'], `"${category.taxonomy}" is deprecated; use "${replacedBy}"`);
    });
    ctx.manifest.purposes.forEach((purpose, i) => {
      const replacedBy = ctx.taxonomy.get('purpose', purpose.taxonomy)?.replacedBy;
      if (replacedBy)
        report(['purposes', i, 'taxonomy'], `"${purpose.taxonomy}" is deprecated; use "${replacedBy}"`);
    });
  },
  examples: {
    failing: { categories: [{ id: 'usage', taxonomy: 'user.telemetry' }] },
    passing: { categories: [{ id: 'usage', taxonomy: 'user.device.telemetry' }] },
  },
});
