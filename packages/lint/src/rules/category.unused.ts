import { defineRule } from '../define-rule.js';

/** A declared category no purpose uses. */
export const categoryUnused = defineRule({
  code: 'category.unused',
  severity: 'warning',
  title: 'Category used by no purpose',
  description: 'Checks that every declared data category is used by at least one purpose.',
  why: 'Personal data may only be collected for specified purposes and limited to what they need (GDPR Art. 5(1)(b)-(c); PIPL Art. 6). A category with no purpose has no reason to be collected, and Pledge would never allow its use.',
  check(ctx, report) {
    const used = new Set(ctx.manifest.purposes.flatMap((purpose) => purpose.categories));
    ctx.manifest.categories.forEach((category, i) => {
      if (!used.has(category.id))
        report(['categories', i], `category "${category.id}" is used by no purpose`);
    });
  },
  examples: {
    failing: {
      purposes: [
        { id: 'service', categories: ['email'] },
        { id: 'analytics', categories: ['email'] },
      ],
    },
    passing: {
      purposes: [
        { id: 'service', categories: ['email'] },
        { id: 'analytics', categories: ['usage'] },
      ],
    },
  },
});
