import { defineRule } from '../define-rule.js';

/** A contract the disclosure requires is not on file. */
export const recipientContractMissing = defineRule({
  code: 'recipient.contract-missing',
  severity: 'error',
  title: 'Required contract not on file',
  description:
    'Checks that every contract listed under a recipient `contracts.required` is also listed under `contracts.onFile`.',
  why: 'Processors act only under a binding contract (GDPR Art. 28(3); PIPL Art. 21), transfers abroad need their safeguard in place (GDPR Art. 46; PIPL Art. 38), and Pledge blocks a disclosure whose required contract is missing: declare it on file once signed.',
  check(ctx, report) {
    ctx.manifest.recipients.forEach((recipient, i) => {
      for (const kind of recipient.contracts.required) {
        if (!recipient.contracts.onFile.includes(kind)) {
          report(
            ['recipients', i, 'contracts', 'onFile'],
            `recipient "${recipient.id}" requires a "${kind}" contract that is not on file`,
          );
        }
      }
    });
  },
  examples: {
    failing: { recipients: [{ id: 'hosting', contracts: { required: ['dpa'], onFile: [] } }] },
    passing: { recipients: [{ id: 'hosting', contracts: { required: ['dpa'], onFile: ['dpa'] } }] },
  },
});
