import { defineRule } from '../define-rule.js';
import { piplTransfer } from '../examples/patches.js';
import { piplTransfersAbroad } from '../pipl.js';

const PIPL_MECHANISMS = new Set([
  'pipl-standard-contract',
  'pipl-security-assessment',
  'pipl-certification',
  'contract-necessity',
  'legal-requirement',
  'anonymised',
]);

/** Under PIPL, personal information leaves China without an Art. 38 mechanism. */
export const piplTransferWithoutMechanism = defineRule({
  code: 'pipl.transfer-without-mechanism',
  severity: 'warning',
  title: 'Transfer out of China without a PIPL mechanism',
  description:
    'When the policy addresses PIPL, checks that every transfer that may carry personal information out of mainland China relies on a PIPL route: the CAC standard contract, security assessment or certification, or an exemption (necessity for a contract, a legal requirement, anonymised data).',
  why: 'PIPL Art. 38 allows providing personal information abroad only through a CAC security assessment, certification, the CAC standard contract or another route set by law; the 2024 Provisions on Promoting and Regulating Cross-Border Data Flows exempt contract necessity and small volumes. EU standard contractual clauses or consent alone are not one of them. A warning, because the volume exemptions depend on numbers the manifest does not hold.',
  check(ctx, report) {
    for (const { transfer, path } of piplTransfersAbroad(ctx)) {
      if (transfer.mechanisms.some((m) => PIPL_MECHANISMS.has(m))) continue;
      report(
        path,
        `transfer "${transfer.id}" may carry personal information out of China without a PIPL Art. 38 mechanism`,
      );
    }
  },
  examples: {
    failing: piplTransfer(['scc', 'separate-consent']),
    passing: piplTransfer(['pipl-standard-contract', 'separate-consent']),
  },
});
