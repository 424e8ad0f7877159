import { withDidYouMean } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** An app permission serves a purpose the policy does not declare. */
export const permissionUndeclaredPurpose = defineRule({
  code: 'permission.undeclared-purpose',
  severity: 'error',
  title: 'Permission used for an undeclared purpose',
  description:
    'Checks that every purpose an operating-system permission serves is declared under `purposes`.',
  why: 'An app may request a permission only for a purpose it has disclosed (PIPL Art. 6, 14 and 17; the 2019 App Identification Methods, which treat collecting beyond the stated purposes as unlawful; GDPR Art. 5(1)(b)). The camera-app seed asks for location and storage «for third-party SDK advertising use», a purpose its purpose list never mentions.',
  check(ctx, report) {
    ctx.manifest.permissions.forEach((permission, i) => {
      permission.purposes.forEach((id, j) => {
        if (!ctx.purposes.has(id)) {
          report(
            ['permissions', i, 'purposes', j],
            withDidYouMean(
              `permission "${permission.id}" is used for purpose "${id}", which the policy does not declare`,
              id,
              ctx.purposes.keys(),
            ),
          );
        }
      });
    });
  },
  examples: {
    failing: {
      permissions: [
        {
          id: 'location',
          platform: 'android',
          name: 'android.permission.ACCESS_FINE_LOCATION',
          purposes: ['sdk-advertising'],
        },
      ],
    },
    passing: {
      permissions: [
        {
          id: 'location',
          platform: 'android',
          name: 'android.permission.ACCESS_FINE_LOCATION',
          purposes: ['service'],
        },
      ],
    },
  },
});
