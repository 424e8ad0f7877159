import type { IdentityMatchRule } from '../manifest/schema/identities.js';

const separators = /[\s.\-/()\u00a0\u2010-\u2015]/g;
const e164Shape = /^\+\d{7,15}$/;

/**
 * A value in the canonical form of `rule` (see `IDENTITY_MATCH_RULES`), or null when it has
 * none: a phone number that is not E.164 after normalising. Pure; the one definition every
 * datastore's comparison is checked against.
 */
export function normaliseIdentity(rule: IdentityMatchRule, value: string): string | null {
  switch (rule) {
    case 'exact':
      return value;
    case 'casefold':
      return value.toLowerCase().normalize('NFC');
    case 'e164': {
      // A national trunk written "(0)" after the country code is not dialled from abroad.
      let digits = value.replace(/\(0\)/g, '').replace(separators, '');
      if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
      return e164Shape.test(digits) ? digits : null;
    }
  }
}
