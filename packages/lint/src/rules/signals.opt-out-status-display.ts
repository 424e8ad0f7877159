import { runtimeDefault } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** California: the site must show whether an opt-out preference signal was honoured. */
export const signalsOptOutStatusDisplay = defineRule({
  code: 'signals.opt-out-status-display',
  severity: 'warning',
  title: 'Show whether an opt-out preference signal was honoured',
  description:
    'When the policy addresses a jurisdiction that requires a business to display whether it processed an opt-out preference signal (California), honours Global Privacy Control, and sells, shares or targets advertising, checks that the policy states the site shows the signal\u2019s status (`signals.showsSignalStatus: true`). `gpcStatus` (@pledge/decide) or `request.pledge.gpcStatus()` (SDK middleware) tells the page when `mustDisplay` is true and whether the signal was `honoured`.',
  why: 'From 2026-01-01 a business must display whether it has processed the consumer\u2019s opt-out preference signal as a valid request to opt out of sale/sharing, e.g. "Opt-Out Request Honored" or a toggle showing the consumer has opted out (11 CCR §7025(c)(6)). Pledge decides the opt-out; only the deployed page can show it.',
  check(ctx, report) {
    const laws = ctx.jurisdictions.filter((j) => j.signals.displayHonouredFrom !== undefined);
    if (laws.length === 0 || ctx.manifest.signals.showsSignalStatus === true) return;
    const honours =
      (ctx.manifest.signals.globalPrivacyControl ?? runtimeDefault('signals.globalPrivacyControl')) ||
      laws.some((j) => j.signals.gpc.value);
    const sells =
      ctx.manifest.purposes.some((p) => p.sale || p.targetedAdvertising) ||
      ctx.manifest.trackers.some((t) => t.advertising && t.party === 'third');
    if (!honours || !sells) return;
    for (const law of laws) {
      const from = law.signals.displayHonouredFrom;
      report(
        'signals.globalPrivacyControl',
        `${law.key}: from ${from?.value} the site must show whether a GPC signal was honoured (${from?.cite.ref}); display gpcStatus(...).honoured where mustDisplay is true and set signals.showsSignalStatus`,
      );
    }
  },
  examples: {
    failing: {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      signals: { globalPrivacyControl: true },
      purposes: [{ id: 'analytics', sale: true, legalBasis: 'consent', consent: 'opt-out' }],
    },
    passing: {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      signals: { globalPrivacyControl: true, showsSignalStatus: true },
      purposes: [{ id: 'analytics', sale: true, legalBasis: 'consent', consent: 'opt-out' }],
    },
  },
});
