import { defineRule } from '../define-rule.js';
import { piplTransfer } from '../examples/patches.js';
import { piplTransfersAbroad } from '../pipl.js';

const NO_CONSENT_NEEDED = new Set(['anonymised', 'legal-requirement']);

/** Under PIPL, personal information leaves China without a separate consent. */
export const piplTransferWithoutSeparateConsent = defineRule({
  code: 'pipl.transfer-without-separate-consent',
  severity: 'error',
  title: 'Transfer out of China without separate consent (PIPL)',
  description:
    'When the policy addresses PIPL, checks that every transfer that may carry personal information out of mainland China (destination other than CN, origin CN or unspecified) lists `separate-consent` among its mechanisms, unless it only moves anonymised data or is required by law.',
  why: 'PIPL Art. 39 requires telling the individual the overseas recipient and obtaining a separate consent (单独同意) before providing personal information abroad, on top of the Art. 38 mechanism. A general consent, or «you agree that your information may be transferred» in the policy text, does not count.',
  check(ctx, report) {
    for (const { transfer, path } of piplTransfersAbroad(ctx)) {
      if (transfer.mechanisms.includes('separate-consent')) continue;
      if (transfer.mechanisms.every((m) => NO_CONSENT_NEEDED.has(m))) continue;
      report(
        path,
        `transfer "${transfer.id}" may carry personal information out of China without a separate consent`,
      );
    }
  },
  examples: {
    failing: piplTransfer(['pipl-standard-contract', 'consent']),
    passing: piplTransfer(['pipl-standard-contract', 'separate-consent']),
  },
});
