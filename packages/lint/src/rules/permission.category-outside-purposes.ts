import { defineRule } from '../define-rule.js';
import { categoriesOutsidePurposes } from '../helpers.js';

/** A permission collects a category none of its purposes uses. */
export const permissionCategoryOutsidePurposes = defineRule({
  code: 'permission.category-outside-purposes',
  severity: 'warning',
  title: 'Permission collects data its purposes do not use',
  description:
    'Checks that every data category a permission collects is used by at least one of the (declared) purposes the permission serves.',
  why: 'Collection is limited to the minimum the purpose needs (PIPL Art. 6; GDPR Art. 5(1)(c)). A permission that gathers data none of its purposes uses collects beyond the stated scope, which Chinese app enforcement treats as over-collection (App Identification Methods, 2019).',
  check(ctx, report) {
    ctx.manifest.permissions.forEach((permission, i) => {
      for (const { category, index } of categoriesOutsidePurposes(ctx, permission)) {
        report(
          ['permissions', i, 'categories', index],
          `permission "${permission.id}" collects category "${category}", which none of its purposes uses`,
        );
      }
    });
  },
  examples: {
    failing: {
      permissions: [
        {
          id: 'storage',
          platform: 'android',
          name: 'android.permission.READ_EXTERNAL_STORAGE',
          purposes: ['analytics'],
          categories: ['email'],
        },
      ],
    },
    passing: {
      permissions: [
        {
          id: 'storage',
          platform: 'android',
          name: 'android.permission.READ_EXTERNAL_STORAGE',
          purposes: ['service'],
          categories: ['email'],
        },
      ],
    },
  },
});
